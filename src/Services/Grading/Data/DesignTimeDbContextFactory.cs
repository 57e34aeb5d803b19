using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CreditPower.Grading.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a database or the AppHost.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GradingDbContext>
{
    public GradingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GradingDbContext>().UseNpgsql("Host=localhost;Database=grading").Options);
}
