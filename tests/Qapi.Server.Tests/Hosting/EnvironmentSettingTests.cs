using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qapi.Server.Configuration;
using Qapi.Server.Hosting;

namespace Qapi.Server.Tests.Hosting;

/// <summary>
/// <c>Qapi:Environment</c> is <c>sandbox</c> or <c>production</c> (any letter case); anything else stops the
/// server before it creates or opens anything, instead of falling back to the sandbox. So does an unknown
/// <c>Qapi:Admin:Signup</c>.
/// </summary>
public sealed class EnvironmentSettingTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "qapi-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("prod")]
    [InlineData("Production ")]
    [InlineData(" sandbox")]
    [InlineData("staging")]
    [InlineData("")]
    public void UnknownEnvironment_IsRefusedAtStart_NamingTheSettingAndTheValues(string value)
    {
        var refused = Assert.Throws<QapiConfigurationException>(() => QapiApp.Create(Args(value), Quiet));

        Assert.Contains("Qapi:Environment", refused.Message);
        Assert.Contains("sandbox or production", refused.Message);
        Assert.False(Directory.Exists(_data), "Nothing is created for a refused environment.");
    }

    [Fact]
    public void UnknownSignupSetting_IsRefusedAtStart_NotAtTheFirstSignup()
    {
        string[] args = [.. Args("production"), "--Qapi:Admin:Signup=opne"];

        var refused = Assert.Throws<QapiConfigurationException>(() => QapiApp.Create(args, Quiet));

        Assert.Contains("Qapi:Admin:Signup is 'opne'", refused.Message);
        Assert.Contains("open or closed", refused.Message);
    }

    [Theory]
    [InlineData("sandbox", true)]
    [InlineData("production", false)]
    [InlineData("Production", false)]
    [InlineData("SANDBOX", true)]
    public async Task KnownEnvironment_Starts_AsThatEnvironment(string value, bool sandbox)
    {
        await using var app = QapiApp.Create(Args(value), Quiet);
        await app.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(sandbox, app.Services.GetRequiredService<IOptions<QapiOptions>>().Value.IsSandbox);
        // Only a sandbox bootstraps the demo organization, whose credentials file is then in the data directory.
        Assert.Equal(sandbox, File.Exists(Path.Combine(_data, StoreInitializer.CredentialsFileName)));
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private string[] Args(string environment) =>
        ["--urls=http://127.0.0.1:0", $"--Qapi:DataDirectory={_data}", $"--Qapi:Environment={environment}"];

    private static void Quiet(WebApplicationBuilder builder) => builder.Logging.ClearProviders();
}
