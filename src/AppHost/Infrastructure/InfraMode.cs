using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace CreditPower.AppHost.Infrastructure;

/// <summary>How the AppHost gets PostgreSQL, RabbitMQ and Redis (docs/adr/0001-infra-modes.md).</summary>
internal enum InfraMode
{
    /// <summary>Aspire's stock container integrations; needs a Docker daemon that answers.</summary>
    Container,

    /// <summary>The operating system's packages run as executables, data under a git-ignored folder.</summary>
    Local,

    /// <summary>Existing servers given as <c>ConnectionStrings:*</c>.</summary>
    External,
}

internal static class InfraModes
{
    private const string DockerSocket = "/var/run/docker.sock";

    /// <summary><c>Infra:Mode</c> wins; unset, containers only if a Docker daemon answers a ping.</summary>
    public static InfraMode Resolve(IConfiguration configuration)
    {
        var configured = configuration["Infra:Mode"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Enum.Parse<InfraMode>(configured, ignoreCase: true);
        }

        return DockerAnswers() ? InfraMode.Container : InfraMode.Local;
    }

    // The docker CLI can be installed with no daemon: only an answered ping counts.
    private static bool DockerAnswers()
    {
        if (!File.Exists(DockerSocket))
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.ReceiveTimeout = 1000;
            socket.SendTimeout = 1000;
            var connect = socket.ConnectAsync(new UnixDomainSocketEndPoint(DockerSocket));
            if (!connect.Wait(TimeSpan.FromSeconds(1)))
            {
                return false;
            }

            socket.Send("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"u8);
            var buffer = new byte[256];
            var read = socket.Receive(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).Contains(" 200 ", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or AggregateException or IOException)
        {
            return false;
        }
    }
}
