using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qapi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AdminApi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InvitedBy",
                table: "OrganizationMembers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Pending",
                table: "OrganizationMembers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "HolderId",
                table: "ApiKeys",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RpcNetworks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AccountId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChainId = table.Column<long>(type: "bigint", nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RpcNetworks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RpcNetworks_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_HolderId",
                table: "ApiKeys",
                column: "HolderId");

            migrationBuilder.CreateIndex(
                name: "IX_RpcNetworks_AccountId_ChainId",
                table: "RpcNetworks",
                columns: new[] { "AccountId", "ChainId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RpcNetworks_AccountId_Name",
                table: "RpcNetworks",
                columns: new[] { "AccountId", "Name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ApiKeys_Accounts_HolderId",
                table: "ApiKeys",
                column: "HolderId",
                principalTable: "Accounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ApiKeys_Accounts_HolderId",
                table: "ApiKeys");

            migrationBuilder.DropTable(
                name: "RpcNetworks");

            migrationBuilder.DropIndex(
                name: "IX_ApiKeys_HolderId",
                table: "ApiKeys");

            migrationBuilder.DropColumn(
                name: "InvitedBy",
                table: "OrganizationMembers");

            migrationBuilder.DropColumn(
                name: "Pending",
                table: "OrganizationMembers");

            migrationBuilder.DropColumn(
                name: "HolderId",
                table: "ApiKeys");
        }
    }
}
