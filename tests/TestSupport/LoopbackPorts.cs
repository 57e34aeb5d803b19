using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CreditPower.TestSupport;

internal static class LoopbackPorts
{
    private const string EphemeralRange = "/proc/sys/net/ipv4/ip_local_port_range";

    /// <summary>
    /// Free ports just below the kernel's ephemeral range: while RabbitMQ restarts, no outgoing connection can take
    /// its port, and a client reconnecting to 127.0.0.1 cannot connect to itself (TCP simultaneous open).
    /// </summary>
    public static int[] Free(int count)
    {
        var low = File.Exists(EphemeralRange)
            ? int.Parse(File.ReadAllText(EphemeralRange).Split('\t', ' ')[0], CultureInfo.InvariantCulture)
            : 32768;
        var sockets = new List<Socket>();
        try
        {
            for (var attempt = 0; sockets.Count < count; attempt++)
            {
                if (attempt == 1000)
                {
                    throw new InvalidOperationException("No free loopback ports found.");
                }

                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    // still bound while the next ones are picked, so all picks differ
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, Random.Shared.Next(Math.Max(1024, low - 10000), low)));
                    sockets.Add(socket);
                }
                catch (SocketException)
                {
                    socket.Dispose();
                }
            }

            return [.. sockets.Select(socket => ((IPEndPoint)socket.LocalEndPoint!).Port)];
        }
        finally
        {
            sockets.ForEach(socket => socket.Dispose());
        }
    }
}
