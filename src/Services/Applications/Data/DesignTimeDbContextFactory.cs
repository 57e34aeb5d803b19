using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CreditPower.Applications.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a database or the AppHost.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ApplicationsDbContext>
{
    public ApplicationsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ApplicationsDbContext>().UseNpgsql("Host=localhost;Database=applications").Options);
}
