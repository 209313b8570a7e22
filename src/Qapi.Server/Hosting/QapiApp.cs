using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Qapi.Client;
using Qapi.Server.Admin;
using Qapi.Server.Approvers;
using Qapi.Server.Authentication;
using Qapi.Server.Configuration;
using Qapi.Server.Errors;
using Qapi.Server.ReadOnly;
using Qapi.Server.Web3;
using Qapi.Data.Transactions;

namespace Qapi.Server.Hosting;

/// <summary>Builds the Qapi web application: the composition root shared by <c>qapi serve</c> and tests.</summary>
public static class QapiApp
{
    /// <summary>Where the server listens unless told otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8002";

    /// <summary>The path every Qredo API v1 endpoint lives under.</summary>
    public const string ApiBase = "/qapi/v1";

    /// <summary>How often an idle feed socket is pinged, and how long a pong may take before it is dropped.</summary>
    private static readonly TimeSpan FeedKeepAlive = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Builds the application from command-line style arguments and configuration; <paramref name="configure"/>
    /// lets a host (the CLI, a test) adjust the builder before services are added.
    /// </summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // SQL text and per-request framework chatter stay out of the logs unless an operator turns them on.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);
        builder.AddQapiServices();
        var app = builder.Build();
        app.UseQapiPipeline();
        return app;
    }

    private static void AddQapiServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var qapi = builder.Configuration.GetSection("Qapi").Get<QapiOptions>() ?? new QapiOptions();
        qapi.EnsureValid();
        services.Configure<QapiOptions>(builder.Configuration.GetSection("Qapi"));
        // The database and the key file live here: readable by the server's user only.
        if (!Directory.Exists(qapi.ResolvedDataDirectory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(qapi.ResolvedDataDirectory);
            }
            else
            {
                Directory.CreateDirectory(qapi.ResolvedDataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite
                    | UnixFileMode.UserExecute);
            }
        }
        services.AddQapiStore(qapi, groupCommit: true);
        services.AddSingleton<ApiKeyLookup>();
        services.AddSingleton<WalletBalanceReader>();
        services.AddHostedService<StoreInitializer>();
        services.AddHostedService<UsedSignaturePruner>();
        services.AddHostedService<TransactionExpiryWorker>();
        services.AddQapiBroadcast(qapi.Rpc);
        services.AddSingleton<TransactionFeedSignal>();
        services.AddSingleton<ITransactionNotifier>(sp => sp.GetRequiredService<TransactionFeedSignal>());
        services.AddScoped<TransactionFeedSession>();
        services.AddSingleton<ApproverFeed>();
        services.Configure<Web3Options>(o =>
        {
            o.Sandbox = qapi.IsSandbox;
            o.ApprovalWindow = TimeSpan.FromSeconds(qapi.Web3.ApprovalWindowSeconds);
        });

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0,
            QapiJsonContext.Default));
        services.AddSignupRateLimit(qapi.Admin);
        services.AddExceptionHandler<QapiExceptionHandler>();
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        services.AddOpenApi(OpenApiDocument.Configure);
        services.Configure<ForwardedHeadersOptions>(o => ConfigureProxies(o, qapi.TrustedProxies));
    }

    private static void UseQapiPipeline(this WebApplication app)
    {
        var qapi = app.Services.GetRequiredService<IOptions<QapiOptions>>().Value;
        app.UseMiddleware<DurableAnswerMiddleware>();
        if (qapi.TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            var response = context.HttpContext.Response;
            var path = context.HttpContext.Request.Path;
            var isChannel = path.StartsWithSegments(ApiBase) || path.StartsWithSegments(ApproverEndpoints.BasePath)
                || path.StartsWithSegments(AdminApi.BasePath);
            if (isChannel && response.ContentLength is null)
            {
                var (error, reason) = response.StatusCode switch
                {
                    StatusCodes.Status400BadRequest => ("invalid_parameter",
                        "A route or query parameter is malformed, out of range or repeated."),
                    StatusCodes.Status405MethodNotAllowed => ("method_not_allowed",
                        "The endpoint does not take this method."),
                    _ => ("not_found", "No such endpoint."),
                };
                await ApiErrorWriter.WriteAsync(context.HttpContext, response.StatusCode, error, reason);
            }
        });
        // Before authentication, which needs to know whether a request is a WebSocket upgrade.
        app.UseWebSockets(new WebSocketOptions
        {
            KeepAliveInterval = FeedKeepAlive,
            KeepAliveTimeout = FeedKeepAlive,
        });
        app.UseWhen(c => c.Request.Path.StartsWithSegments(ApiBase), branch => branch
            .UseMiddleware<StoreConnectionMiddleware>()
            .UseMiddleware<ApiKeyAuthenticationMiddleware>());
        app.UseWhen(c => c.Request.Path.StartsWithSegments(ApproverEndpoints.BasePath), branch => branch
            .UseMiddleware<StoreConnectionMiddleware>()
            .UseMiddleware<ApproverAuthenticationMiddleware>());
        app.UseWhen(c => AdminApi.IsAuthenticated(c.Request.Path), branch => branch
            .UseMiddleware<StoreConnectionMiddleware>()
            .UseMiddleware<ApiKeyAuthenticationMiddleware>());
        app.UseRateLimiter();

        var api = app.MapGroup(ApiBase);
        api.MapAccountEndpoints();
        api.MapBalanceEndpoints();
        api.MapFundEndpoints();
        api.MapLedgerEndpoints();
        api.MapTrustedPartyEndpoints();
        api.MapTransactionEndpoints();
        api.MapTransactionFeedEndpoints();
        app.MapApproverEndpoints();
        app.MapAdminEndpoints();

        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Qapi");
            o.RoutePrefix = "docs";
            o.DocumentTitle = "Qapi API reference";
        });
    }

    private static void ConfigureProxies(ForwardedHeadersOptions options, string[] trustedProxies)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
            | ForwardedHeaders.XForwardedHost;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in trustedProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }
    }
}
