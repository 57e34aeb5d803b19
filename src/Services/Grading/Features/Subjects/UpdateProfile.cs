using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Grades;
using CreditPower.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Subjects;

/// <summary>The subject's real-name data, contacts and accounts as they should be from now on (a whole replacement).</summary>
public sealed record UpdateProfileRequest
{
    public required string Name { get; init; }
    public string? LegalRepresentative { get; init; }

    /// <summary>11-digit mainland mobile number; null removes it.</summary>
    public string? Mobile { get; init; }

    public string? Address { get; init; }
    public required IReadOnlyList<string> Accounts { get; init; }
}

internal static class UpdateProfile
{
    /// <summary>
    /// Replaces the subject's profile and announces it (<c>SubjectProfileChanged</c>) through the outbox in the same
    /// transaction; Notifications keeps its contacts from that. The identifier is the key and never changes here.
    /// </summary>
    public static async Task<Results<Ok<SubjectResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, UpdateProfileRequest request, GradingDbContext db, GradeCache cache, TimeProvider clock, CancellationToken cancellationToken)
    {
        var accounts = (request.Accounts ?? []).Select(a => a?.Trim() ?? "").ToList();
        var errors = new Dictionary<string, string[]>();
        SubjectProfile.Validate(request.Name, request.LegalRepresentative, request.Mobile, request.Address, accounts, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Problems.InvalidTitle);
        }

        var subject = await db.Subjects.Include(s => s.Accounts).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subject is null)
        {
            return TypedResults.NotFound();
        }

        var heldElsewhere = await db.PowerAccounts
            .Where(a => accounts.Contains(a.Number) && a.SubjectId != id)
            .Select(a => a.Number)
            .FirstOrDefaultAsync(cancellationToken);
        if (heldElsewhere is not null)
        {
            return TypedResults.Problem(
                title: "户号已被占用", detail: $"户号“{heldElsewhere}”已关联到其他信用主体。", statusCode: StatusCodes.Status409Conflict);
        }

        var removed = subject.Accounts.Where(a => !accounts.Contains(a.Number)).ToList();
        foreach (var account in removed)
        {
            subject.Accounts.Remove(account);
            db.PowerAccounts.Remove(account);
        }

        var kept = subject.Accounts.Select(a => a.Number).ToHashSet(StringComparer.Ordinal);
        foreach (var number in accounts.Where(number => !kept.Contains(number)))
        {
            // Added through the set (EF fixes up subject.Accounts): a new account with its key already set, only put in
            // the collection, would be taken for an existing row.
            db.PowerAccounts.Add(new PowerAccount { Id = Guid.CreateVersion7(), SubjectId = subject.Id, Number = number });
        }

        subject.Name = request.Name.Trim();
        subject.LegalRepresentative = SubjectProfile.Clean(request.LegalRepresentative);
        subject.Mobile = SubjectProfile.Clean(request.Mobile);
        subject.Address = SubjectProfile.Clean(request.Address);
        SubjectProfile.Announce(db, subject, clock);
        await db.SaveChangesAsync(cancellationToken);

        // Look-ups answer the name and are keyed by account: drop the entries of the accounts before and after.
        await cache.InvalidateAsync(subject);
        if (removed.Count > 0)
        {
            await cache.InvalidateAsync(new Subject
            {
                Identifier = subject.Identifier, Name = subject.Name, RuleVersion = subject.RuleVersion, Accounts = removed,
            });
        }

        return TypedResults.Ok(SubjectResponse.From(subject));
    }
}
