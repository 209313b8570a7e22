using Microsoft.Extensions.Options;
using Qapi.Data.Broadcast;
using Qapi.Server.Configuration;

namespace Qapi.Server.Hosting;

/// <summary>Registers broadcasting: the RPC client, the per-chain pass and the worker that runs it.</summary>
internal static class BroadcastRegistration
{
    public static IServiceCollection AddQapiBroadcast(this IServiceCollection services, RpcSettings settings)
    {
        var options = settings.ToOptions();
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<BroadcastRetries>();
        services.AddScoped<BroadcastService>();

        // The factory's request logging would write endpoint URLs, which may carry a provider's credentials.
        services.AddHttpClient<EthereumRpcClient>(c => c.Timeout = options.RequestTimeout).RemoveAllLoggers();
        services.AddHostedService<BroadcastWorker>();
        return services;
    }
}
