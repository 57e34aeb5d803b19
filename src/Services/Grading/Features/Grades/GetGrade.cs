using CreditPower.Contracts;
using CreditPower.Grading.Data;
using CreditPower.Grading.Features.RuleSets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Grades;

public sealed record GradeResponse(Guid SubjectId, CreditColour Colour, int Score, string RuleVersion, DateTimeOffset EffectiveAt, IReadOnlyList<GradeReason> Reasons);

internal static class GetGrade
{
    /// <summary>The subject's current grade with every reason and its points.</summary>
    public static async Task<Results<Ok<GradeResponse>, NotFound>> Handle(Guid subjectId, GradingDbContext db, RuleSetVersions versions, CancellationToken cancellationToken)
    {
        var grade = await db.Grades.AsNoTracking()
            .Where(g => g.SubjectId == subjectId)
            .OrderByDescending(g => g.EffectiveAt)
            .FirstOrDefaultAsync(cancellationToken);
        return grade is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new GradeResponse(grade.SubjectId, grade.Colour, grade.Score, grade.RuleVersion, grade.EffectiveAt, await versions.DescribeAsync(db, grade, cancellationToken)));
    }
}
