using System.Net.Http.Json;
using System.Text.Json;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>The OpenAPI document still builds, and describes the admin routes of accounts and members.</summary>
[Collection(AdminCollection.Name)]
public sealed class AdminReferenceTests(AdminServerFixture server)
{
    [Fact]
    public async Task OpenApiDocument_ListsTheAccountAndMemberRoutes()
    {
        var document = await server.Http.GetFromJsonAsync<JsonElement>(server.Origin + "/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        string[] expected =
        [
            "/qapi/admin/v1/signup", "/qapi/admin/v1/me", "/qapi/admin/v1/me/invitations",
            "/qapi/admin/v1/me/invitations/{accountId}/accept", "/qapi/admin/v1/orgs",
            "/qapi/admin/v1/accounts/{accountId}", "/qapi/admin/v1/accounts/{accountId}/members/{userId}",
            "/qapi/admin/v1/accounts/{accountId}/trustedparties/{partyId}",
            "/qapi/admin/v1/accounts/{accountId}/approvers/{approverId}/keys",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("SignupResponse", out _), schemas.GetRawText()[..200]);
    }
}
