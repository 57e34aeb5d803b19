using Npgsql;

namespace CreditPower.Grading.Features.Grades;

/// <summary>
/// The look-up's own connection pool on the service's database, outside EF: its statements are prepared per connection
/// (a cache miss then costs PostgreSQL a bind and an execute, no parse or plan). The pool is small on purpose
/// (<c>GradeLookup:MaxConnections</c>, default twice the cores): a look-up holds a connection for well under a
/// millisecond, so a few connections keep PostgreSQL busy, and a request waiting for one waits in the pool's queue
/// rather than as one more PostgreSQL process competing for the same cores.
/// </summary>
internal sealed class GradeLookupDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public const string MaxConnectionsKey = "GradeLookup:MaxConnections";

    public NpgsqlDataSource DataSource => dataSource;

    public static GradeLookupDataSource Create(string connectionString, int? maxConnections)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.MaxAutoPrepare = Math.Max(builder.ConnectionStringBuilder.MaxAutoPrepare, 4);
        builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        builder.ConnectionStringBuilder.MaxPoolSize = Math.Min(builder.ConnectionStringBuilder.MaxPoolSize, maxConnections ?? 2 * Environment.ProcessorCount);
        return new GradeLookupDataSource(builder.Build());
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
