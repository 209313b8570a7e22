using Qapi.Server.Configuration;

namespace Qapi.Server.Tests.Web3;

/// <summary><c>Qapi:Rpc</c> settings that make no sense stop the server, and the message never shows the URL.</summary>
public sealed class RpcSettingsTests
{
    [Theory]
    [InlineData("sepolia", "https://rpc.example/v3/SECRET", "decimal chain id")]
    [InlineData("0xaa36a7", "https://rpc.example/v3/SECRET", "decimal chain id")]
    [InlineData("0", "https://rpc.example/v3/SECRET", "decimal chain id")]
    [InlineData("11155111", "wss://rpc.example/v3/SECRET", "http or https")]
    [InlineData("11155111", "rpc.example/v3/SECRET", "http or https")]
    public void InvalidChainEntry_IsRefused_WithoutShowingTheUrl(string chain, string url, string expected)
    {
        var settings = new RpcSettings { Chains = { [chain] = url } };

        var error = Assert.Throws<InvalidOperationException>(settings.ToOptions);

        Assert.Contains($"Qapi:Rpc:Chains:{chain}", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("SECRET", error.Message);
    }

    [Theory]
    [InlineData(0, 5, 300)]
    [InlineData(12, 0, 300)]
    [InlineData(12, 5, 1)]
    public void InvalidTiming_IsRefused(int confirmations, double poll, double maxDelay)
    {
        var settings = new RpcSettings
        {
            Confirmations = confirmations,
            PollIntervalSeconds = poll,
            MaxRetryDelaySeconds = maxDelay,
        };

        Assert.Throws<InvalidOperationException>(settings.ToOptions);
    }

    [Fact]
    public void ValidSettings_KeyEndpointsByCanonicalChainId()
    {
        var settings = new RpcSettings { Chains = { ["011155111"] = "https://rpc.example/v3/key" } };

        var options = settings.ToOptions();

        Assert.Equal(new Uri("https://rpc.example/v3/key"), Assert.Single(options.Endpoints, e => e.Key == "11155111")
            .Value);
        Assert.Equal(12, options.Confirmations);
        Assert.Equal(TimeSpan.FromSeconds(5), options.PollInterval);
    }
}
