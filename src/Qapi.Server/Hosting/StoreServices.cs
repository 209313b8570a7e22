using Qapi.Core.Security;
using Qapi.Data;
using Qapi.Data.Services;
using Qapi.Server.Configuration;

namespace Qapi.Server.Hosting;

/// <summary>The store and domain services, as the server and the operator's CLI both open them.</summary>
public static class StoreServices
{
    /// <summary>
    /// Adds the key-encryption key (configured, or the key file, created on first use), the store for the
    /// configured provider, and the domain services. The server passes <paramref name="groupCommit"/>
    /// (<see cref="GroupCommit"/>); the CLI's commands commit on their own.
    /// </summary>
    public static IServiceCollection AddQapiStore(
        this IServiceCollection services, QapiOptions qapi, bool groupCommit = false)
    {
        var kek = KeyEncryptionKeyFile.LoadOrCreate(qapi.KeyEncryptionKey, qapi.KeyFilePath);
        services.AddSingleton(new SecretProtector(kek));
        services.AddSingleton(TimeProvider.System);
        services.AddQapiStorage(qapi.Storage, qapi.ResolvedDataDirectory, groupCommit);
        services.AddQapiDomain();
        return services;
    }
}
