using System.Net;
using System.Net.Http.Json;
using Qapi.Server.Configuration;
using Qapi.Server.Tests.Support;

namespace Qapi.Server.Tests.Admin;

/// <summary>A server whose operator closed sign-up.</summary>
public sealed class SignupClosedServerFixture : QapiServerFixture
{
    protected override IEnumerable<string> ExtraArguments => ["--Qapi:Admin:Signup=closed"];
}

/// <summary>Sign-up is open in the sandbox unless closed, and closed in production unless opened.</summary>
public sealed class SignupClosedTests(SignupClosedServerFixture server) : IClassFixture<SignupClosedServerFixture>
{
    [Fact]
    public async Task ClosedSignup_Is403SignupClosed()
    {
        using var response = await server.Http.PostAsJsonAsync(server.Origin + AdminSeeding.AdminBase + "/signup",
            new { username = "closedout", firstName = "A", lastName = "B", email = "a@b.test" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("signup_closed", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, true, true)]
    [InlineData(null, false, false)]
    [InlineData("open", false, true)]
    [InlineData("Open", false, true)]
    [InlineData("closed", true, false)]
    public void SignupSetting_DecidesPerEnvironment(string? setting, bool sandbox, bool open) =>
        Assert.Equal(open, new AdminSettings { Signup = setting }.SignupOpen(sandbox));
}
