using System.Security.Claims;
using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using CreditPower.Contracts;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.Intake;

public sealed record SubmitApplicationRequest
{
    public required SubjectKind SubjectKind { get; init; }
    public required string Identifier { get; init; }
    public required string ApplicantName { get; init; }
    public required ApplicationType Type { get; init; }
}

internal static class SubmitApplication
{
    /// <summary>A clerk takes a connection application; it enters the green channel if the subject is honest.</summary>
    public static async Task<Results<Created<ApplicationResponse>, ValidationProblem>> Handle(
        SubmitApplicationRequest request, ClaimsPrincipal user, ApplicationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var identifier = SubjectIdentifier.Normalize(request.Identifier);
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(request.SubjectKind))
        {
            errors["subjectKind"] = ["主体类型应为 legalEntity（法人）或 naturalPerson（自然人）。"];
        }
        else if (!SubjectIdentifier.IsValid(request.SubjectKind, identifier, out var reason))
        {
            errors["identifier"] = [reason];
        }

        if (!Enum.IsDefined(request.Type))
        {
            errors["type"] = ["申请类型应为 newConnection（新装）或 capacityIncrease（增容）。"];
        }

        if (string.IsNullOrWhiteSpace(request.ApplicantName) || request.ApplicantName.Trim().Length > 200)
        {
            errors["applicantName"] = ["申请人名称不能为空，且不超过 200 个字符。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "请求数据无效");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var application = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.LockSubjectAsync(identifier, cancellationToken);
            var colour = await db.SubjectColours.AsNoTracking()
                .Where(c => c.Identifier == identifier)
                .Select(c => (CreditColour?)c.Colour)
                .FirstOrDefaultAsync(cancellationToken);
            var submitted = new ConnectionApplication
            {
                Id = Guid.CreateVersion7(),
                SubjectKind = request.SubjectKind,
                Identifier = identifier,
                ApplicantName = request.ApplicantName.Trim(),
                Type = request.Type,
                Stage = ApplicationStage.Accepted,
                SubmittedAt = clock.GetUtcNow(),
                SubmittedBy = user.Identity?.Name ?? "unknown",
                GreenChannel = ConnectionApplication.IsHonest(colour),
            };
            db.Applications.Add(submitted);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return submitted;
        });
        return TypedResults.Created($"/api/applications/{application.Id}", ApplicationResponse.From(application));
    }
}
