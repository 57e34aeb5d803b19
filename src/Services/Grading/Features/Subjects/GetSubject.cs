using CreditPower.Grading.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Subjects;

internal static class GetSubject
{
    public static async Task<Results<Ok<SubjectResponse>, NotFound>> Handle(Guid id, GradingDbContext db, CancellationToken cancellationToken)
    {
        var subject = await db.Subjects.AsNoTracking().Include(s => s.Accounts).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return subject is null ? TypedResults.NotFound() : TypedResults.Ok(SubjectResponse.From(subject));
    }
}
