using System.Security.Claims;
using CreditPower.Contracts;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.Grading.Features.Grades;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Subjects;

public sealed record RegisterSubjectRequest
{
    public required SubjectKind Kind { get; init; }
    public required string Identifier { get; init; }
    public required string Name { get; init; }
    public string? LegalRepresentative { get; init; }

    /// <summary>11-digit mainland mobile number, for SMS reminders.</summary>
    public string? Mobile { get; init; }

    public string? Address { get; init; }
    public IReadOnlyList<string> Accounts { get; init; } = [];
}

internal static class RegisterSubject
{
    /// <summary>
    /// Registers a credit subject; it starts blue (DOMAIN.md §4) and the colour and the profile (contacts, accounts)
    /// are announced.
    /// </summary>
    public static async Task<Results<Created<SubjectResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        RegisterSubjectRequest request, ClaimsPrincipal user, GradingDbContext db, SubjectGrader grader, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var identifier = SubjectIdentifier.Normalize(request.Identifier);
        var accounts = request.Accounts.Select(a => a.Trim()).ToList();
        var errors = Validate(request, identifier, accounts);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Problems.InvalidTitle);
        }

        if (await db.Subjects.AnyAsync(s => s.Identifier == identifier, cancellationToken))
        {
            return TypedResults.Problem(
                title: "记录已存在", detail: "该信用主体已登记，请勿重复登记。", statusCode: StatusCodes.Status409Conflict);
        }

        var now = clock.GetUtcNow();
        var subject = new Subject
        {
            Id = Guid.CreateVersion7(),
            Kind = request.Kind,
            Identifier = identifier,
            Name = request.Name.Trim(),
            LegalRepresentative = SubjectProfile.Clean(request.LegalRepresentative),
            Mobile = SubjectProfile.Clean(request.Mobile),
            Address = SubjectProfile.Clean(request.Address),
            CreatedAt = now,
            RuleVersion = DefaultRuleSet.Version,
            GradedAt = now,
        };
        subject.Accounts.AddRange(accounts.Select(number => new PowerAccount { Id = Guid.CreateVersion7(), SubjectId = subject.Id, Number = number }));
        db.Subjects.Add(subject);
        await grader.RegradeAsync(subject, previous: null, cause: $"registered by {user.Identity?.Name}", upgradeAllowed: false, cancellationToken);
        SubjectProfile.Announce(db, subject, clock);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/subjects/{subject.Id}", SubjectResponse.From(subject));
    }

    private static Dictionary<string, string[]> Validate(RegisterSubjectRequest request, string identifier, List<string> accounts)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(request.Kind))
        {
            errors["kind"] = ["主体类型应为 legalEntity（法人）或 naturalPerson（自然人）。"];
        }
        else if (!SubjectIdentifier.IsValid(request.Kind, identifier, out var reason))
        {
            errors["identifier"] = [reason];
        }

        SubjectProfile.Validate(request.Name, request.LegalRepresentative, request.Mobile, request.Address, accounts, errors);
        return errors;
    }
}
