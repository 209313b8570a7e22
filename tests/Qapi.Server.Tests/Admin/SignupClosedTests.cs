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

/// <summary>A server that lets one address sign up twice a minute.</summary>
public sealed class SignupLimitedServerFixture : QapiServerFixture
{
    protected override IEnumerable<string> ExtraArguments => ["--Qapi:Admin:SignupsPerMinute=2"];
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

/// <summary>One client address cannot fill the store with accounts.</summary>
public sealed class SignupLimitTests(SignupLimitedServerFixture server) : IClassFixture<SignupLimitedServerFixture>
{
    [Fact]
    public async Task SignupsOverTheLimit_Are429_AndCreateNothing()
    {
        await server.SignUpAsync("lim");
        await server.SignUpAsync("lim");
        var username = AdminSeeding.Unique("lim");

        using var response = await server.Http.PostAsJsonAsync(server.Origin + AdminSeeding.AdminBase + "/signup",
            new { username, firstName = "A", lastName = "B", email = "a@b.test" });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("too_many_signups", await response.Content.ReadAsStringAsync());
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => server.AccountIdAsync(username));
    }
}
