using System.Security.Claims;
using CreditPower.Applications.Data;
using CreditPower.Applications.Features.Intake;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Dates;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.CreditPath;

internal static class SignLetter
{
    /// <summary>
    /// The clerk records that the printed letter was signed at the counter: by whom, and when (the service's clock,
    /// never a typed date, so the DRC's on-time check cannot be back-dated). Recorded once.
    /// </summary>
    public static async Task<Results<Ok<ApplicationDetailResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, SignLetterRequest request, ClaimsPrincipal user, ApplicationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.SignedBy) || request.SignedBy.Trim().Length > 50)
        {
            return Problems.Field("signedBy", "请填写签署人姓名（不超过 50 个字符）。");
        }

        var now = clock.GetUtcNow();
        var signed = await db.CommitmentLetters
            .Where(l => l.ApplicationId == id && l.SignedAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(l => l.SignedBy, request.SignedBy.Trim())
                .SetProperty(l => l.SignedAt, now)
                .SetProperty(l => l.SigningRecordedBy, user.Identity!.Name ?? "unknown"), cancellationToken);
        if (signed == 0)
        {
            var letter = await db.CommitmentLetters.AsNoTracking().FirstOrDefaultAsync(l => l.ApplicationId == id, cancellationToken);
            if (letter is null)
            {
                return TypedResults.NotFound();
            }

            return TypedResults.Problem(
                title: "承诺书已签署",
                detail: $"信用承诺书 {letter.Number} 已于 {ChinaDates.NumericWithTime(letter.SignedAt!.Value)} 由 {letter.SignedBy} 签署，不能重复登记。",
                statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Ok(await ApplicationDetailResponse.LoadAsync(db, id, now, cancellationToken));
    }
}
