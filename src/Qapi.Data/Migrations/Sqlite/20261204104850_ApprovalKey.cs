using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qapi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApprovalKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApproverKeyId",
                table: "Approvals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Approvals_ApproverKeyId",
                table: "Approvals",
                column: "ApproverKeyId");

            migrationBuilder.AddForeignKey(
                name: "FK_Approvals_ApproverKeys_ApproverKeyId",
                table: "Approvals",
                column: "ApproverKeyId",
                principalTable: "ApproverKeys",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Approvals_ApproverKeys_ApproverKeyId",
                table: "Approvals");

            migrationBuilder.DropIndex(
                name: "IX_Approvals_ApproverKeyId",
                table: "Approvals");

            migrationBuilder.DropColumn(
                name: "ApproverKeyId",
                table: "Approvals");
        }
    }
}
