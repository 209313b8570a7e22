using System.Net;
using System.Net.Sockets;

namespace Qapi.Cli.Commands;

/// <summary>
/// Tells, before a server is built, whether one of its addresses is taken: the host would otherwise bootstrap its
/// store and then fail to bind with a page of stack traces. Only addresses it can bind itself are checked (IP
/// literals and localhost); the host's own bind still has the last word.
/// </summary>
internal static class ListenCheck
{
    /// <summary>The first URL of <paramref name="urls"/> (';'-separated) whose port is in use, or null.</summary>
    public static string? FirstBusy(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port <= 0)
            {
                continue;
            }

            var address = uri.Host == "localhost" ? IPAddress.Loopback
                : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var literal) ? literal : null;
            if (address is not null && IsTaken(new IPEndPoint(address, uri.Port)))
            {
                return url;
            }
        }

        return null;
    }

    private static bool IsTaken(IPEndPoint endpoint)
    {
        try
        {
            var listener = new TcpListener(endpoint);
            listener.Start();
            listener.Stop();
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            // Not ours to judge (no such interface, no permission): the host reports it.
            return false;
        }
    }
}
