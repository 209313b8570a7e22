using System.Net;

namespace Qapi.Server.Tests.Support;

/// <summary>The server answered the upgrade with an HTTP status instead of switching protocols.</summary>
public sealed class FeedRefusedException(HttpStatusCode status) : Exception($"Upgrade refused with {(int)status}")
{
    public HttpStatusCode Status => status;
}
