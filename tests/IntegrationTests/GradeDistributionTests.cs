using System.Net;
using CreditPower.Contracts;
using CreditPower.Grading.Domain;
using CreditPower.IntegrationTests.Hosting;
using CreditPower.ServiceDefaults;
using CreditPower.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.IntegrationTests;

/// <summary>The grade distribution the portal charts: every colour with its count, as the subjects table holds them now.</summary>
[Collection(ServicesCollectionDefinition.Name)]
public sealed class GradeDistributionTests(ServicesFixture services)
{
    [Fact]
    public async Task Distribution_counts_every_subject_under_its_current_colour_in_green_to_black_order()
    {
        using var drc = services.CreateClient(ResourceNames.Grading, Roles.DrcOfficer);
        var before = await drc.GetJsonAsync("/api/grades/distribution");

        // One more subject, made black by a veto: the black count and the total each grow by exactly one.
        var subjectId = await services.RegisterLegalEntityAsync(name: "淮阴区分布统计测试有限公司");
        await services.RecordEventInForceAsync(subjectId, "electricity-theft", DateTimeOffset.UtcNow.AddDays(-2));
        var after = await drc.GetJsonAsync("/api/grades/distribution");

        var colours = after.GetProperty("colours").EnumerateArray()
            .Select(c => (Colour: c.GetProperty("colour").GetString()!, Count: c.GetProperty("count").GetInt32()))
            .ToList();
        Assert.Equal(["green", "blue", "yellow", "red", "black"], colours.Select(c => c.Colour));
        Assert.Equal(after.GetProperty("total").GetInt32(), colours.Sum(c => c.Count));
        Assert.Equal(before.GetProperty("total").GetInt32() + 1, after.GetProperty("total").GetInt32());
        Assert.Equal(CountOf(before, "black") + 1, CountOf(after, "black"));

        var stored = await services.Grading.QueryAsync(db => db.Set<Subject>().GroupBy(s => s.Colour)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, Api.Cancellation));
        foreach (var (colour, count) in colours)
        {
            Assert.Equal(stored.GetValueOrDefault(Enum.Parse<CreditColour>(colour, ignoreCase: true)), count);
        }
    }

    [Fact]
    public async Task Distribution_needs_a_signed_in_staff_member()
    {
        using var anonymous = services.CreateClientWithToken(ResourceNames.Grading, null);

        Assert.Equal(HttpStatusCode.Unauthorized, await anonymous.GetStatusAsync("/api/grades/distribution"));
    }

    private static int CountOf(System.Text.Json.JsonElement distribution, string colour) =>
        distribution.GetProperty("colours").EnumerateArray().Single(c => c.GetProperty("colour").GetString() == colour).GetProperty("count").GetInt32();
}
