using CreditPower.Contracts;
using CreditPower.Grading.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Distribution;

/// <summary>How many subjects hold one colour now.</summary>
public sealed record ColourCount(CreditColour Colour, int Count);

/// <summary>Every colour, green to black, with zeroes for the colours nobody holds, and the total.</summary>
public sealed record GradeDistributionResponse(int Total, IReadOnlyList<ColourCount> Colours);

internal static class GetGradeDistribution
{
    /// <summary>Counts subjects per current colour in one GROUP BY, so the answer costs the same for ten subjects or a million.</summary>
    public static async Task<Ok<GradeDistributionResponse>> Handle(GradingDbContext db, CancellationToken cancellationToken)
    {
        var counts = await db.Subjects.AsNoTracking()
            .GroupBy(s => s.Colour)
            .Select(g => new { Colour = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.Colour, c => c.Count, cancellationToken);

        var colours = Enum.GetValues<CreditColour>()
            .Select(colour => new ColourCount(colour, counts.GetValueOrDefault(colour)))
            .ToList();
        return TypedResults.Ok(new GradeDistributionResponse(colours.Sum(c => c.Count), colours));
    }
}
