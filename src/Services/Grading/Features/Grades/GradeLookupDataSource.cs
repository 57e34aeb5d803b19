using Npgsql;

namespace CreditPower.Grading.Features.Grades;

/// <summary>
/// The look-up's own connection pool on the service's database, outside EF: its statements are prepared per connection
/// (a cache miss then costs PostgreSQL a bind and an execute, no parse or plan).
/// </summary>
internal sealed class GradeLookupDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource => dataSource;

    public static GradeLookupDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.MaxAutoPrepare = Math.Max(builder.ConnectionStringBuilder.MaxAutoPrepare, 4);
        builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        return new GradeLookupDataSource(builder.Build());
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
