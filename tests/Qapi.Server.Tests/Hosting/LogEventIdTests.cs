using System.Reflection;
using Microsoft.Extensions.Logging;
using Qapi.Data;
using Qapi.Server.Hosting;

namespace Qapi.Server.Tests.Hosting;

/// <summary>Each log message of the server and the store has an event id of its own, to filter by.</summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void LogMessages_OfServerAndStore_HaveDistinctEventIds()
    {
        const BindingFlags everyMethod = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static
            | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var messages = new[] { typeof(QapiApp).Assembly, typeof(QapiDbContext).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(everyMethod))
            .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Item2 is not null)
            .Select(m => (m.Method, m.Item2!.EventId))
            .ToList();

        Assert.True(messages.Count > 20, $"Only {messages.Count} log messages found");
        var shared = messages.GroupBy(m => m.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}").ToList();
        Assert.True(shared.Count == 0, "Event ids used more than once: " + string.Join("; ", shared));
    }
}
