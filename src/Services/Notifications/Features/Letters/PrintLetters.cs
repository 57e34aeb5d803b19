using System.Security.Claims;
using CreditPower.Notifications.Data;
using CreditPower.Notifications.Domain;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Notifications.Features.Letters;

public sealed record PrintLettersRequest
{
    /// <summary>The letters to print; empty or absent: every letter not printed yet.</summary>
    public IReadOnlyList<Guid>? LetterIds { get; init; }
}

internal static class PrintLetters
{
    public const int MaxBatch = 200;

    /// <summary>
    /// One PDF with a batch of letters, in number order, each on its own pages; the letters are marked printed in the same
    /// transaction that read them, so two clerks printing at once do not both print the same unprinted letter.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Handle(
        PrintLettersRequest request, ClaimsPrincipal user, NotificationsDbContext db, LetterPdfRenderer renderer, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var ids = request.LetterIds?.Distinct().ToList() ?? [];
        if (ids.Count > MaxBatch)
        {
            return Problems.Field("letterIds", $"一次最多打印 {MaxBatch} 份告知函。");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            List<Letter> letters;
            if (ids.Count == 0)
            {
                letters = await db.Letters
                    .FromSql($"""SELECT * FROM letters WHERE "PrintedAt" IS NULL ORDER BY "Year", "Serial" LIMIT {MaxBatch} FOR UPDATE SKIP LOCKED""")
                    .ToListAsync(cancellationToken);
            }
            else
            {
                letters = await db.Letters
                    .FromSql($"""SELECT * FROM letters WHERE "Id" = ANY({ids.ToArray()}) ORDER BY "Year", "Serial" FOR UPDATE""")
                    .ToListAsync(cancellationToken);
                var unknown = ids.Except(letters.Select(l => l.Id)).ToList();
                if (unknown.Count > 0)
                {
                    return (Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>)Problems.Field("letterIds", $"以下告知函不存在：{string.Join("、", unknown)}。");
                }
            }

            if (letters.Count == 0)
            {
                return TypedResults.Problem(title: "没有待打印的告知函", detail: "所有告知函都已打印。", statusCode: StatusCodes.Status404NotFound);
            }

            var pdf = renderer.Render(letters);
            var now = clock.GetUtcNow();
            foreach (var letter in letters)
            {
                letter.PrintedAt = now;
                letter.PrintedBy = user.Identity?.Name ?? "unknown";
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.File(pdf, "application/pdf");
        });
    }
}
