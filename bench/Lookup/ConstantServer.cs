using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CreditPower.Bench.Lookup;

/// <summary>
/// The baseline: Kestrel answering a constant, nothing else in the pipeline. It runs in a child process of this
/// executable (<c>--serve-constant PORT</c>) so that, like the service, it has a process, thread pool and server GC
/// of its own and is not slowed by (or slowing) the bench's own work between runs.
/// </summary>
internal static class ConstantServer
{
    public const string Flag = "--serve-constant";
    public const string Path = "/constant";

    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet(Path, () => TypedResults.Text("ok"));
        await app.RunAsync();
    }
}
