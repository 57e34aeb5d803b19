using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CreditPower.ValueAdded.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a database or the AppHost.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ValueAddedDbContext>
{
    public ValueAddedDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ValueAddedDbContext>().UseNpgsql("Host=localhost;Database=valueadded").Options);
}
