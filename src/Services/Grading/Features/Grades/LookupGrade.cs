using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditPower.Grading.Features.Grades;

internal static class LookupGrade
{
    /// <summary>Grade by USCC, resident ID or power account number; served from Redis when cached.</summary>
    public static async Task<Results<Ok<GradeLookupResponse>, NotFound, ValidationProblem>> Handle(
        string? identifier, string? account, GradeLookupReader database, GradeCache cache, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(identifier) == string.IsNullOrWhiteSpace(account))
        {
            return Problems.Field("identifier", "请提供统一社会信用代码/身份证号（identifier）或户号（account）其中之一。");
        }

        var byAccount = string.IsNullOrWhiteSpace(identifier);
        var value = byAccount ? account!.Trim() : SubjectIdentifier.Normalize(identifier);
        var key = GradeCache.KeyFor(byAccount, value);
        if (await cache.GetAsync(key) is { } cached)
        {
            return TypedResults.Ok(cached);
        }

        var grade = await database.FindAsync(byAccount, value, cancellationToken);
        if (grade is null)
        {
            return TypedResults.NotFound();
        }

        grade = grade with { Identifier = SubjectIdentifier.Display(grade.Kind, grade.Identifier) };
        await cache.SetAsync(key, grade);
        return TypedResults.Ok(grade);
    }
}
