using System.Security.Claims;
using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using CreditPower.Applications.Features.CreditPath;
using CreditPower.Applications.Features.Lifecycle;
using CreditPower.Contracts;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Dates;
using CreditPower.ServiceDefaults.Messaging;
using CreditPower.ServiceDefaults.Security;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.Intake;

internal static class SubmitApplication
{
    public const int MaxCapacityKva = 100_000;

    /// <summary>
    /// A clerk takes a connection application: with property proof, or for a legal entity on the credit path (report
    /// plus a commitment letter made from the template). It enters the green channel if the subject is honest.
    /// </summary>
    public static async Task<Results<Created<ApplicationDetailResponse>, ValidationProblem>> Handle(
        SubmitApplicationRequest request, ClaimsPrincipal user, ApplicationsDbContext db, StageClock stageClock,
        CommitmentLetterWriter letters, TimeProvider clock, CancellationToken cancellationToken)
    {
        var identifier = SubjectIdentifier.Normalize(request.Identifier);
        var errors = Validate(request, identifier, ChinaDates.Today(clock));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Problems.InvalidTitle);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var (taken, refusal) = await strategy.ExecuteAsync(async Task<(ConnectionApplication? Taken, ValidationProblem? Refusal)> () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.LockSubjectAsync(identifier, cancellationToken);
            var colour = await db.SubjectColours.AsNoTracking().FirstOrDefaultAsync(c => c.Identifier == identifier, cancellationToken);
            var subjectId = await db.SubjectProfiles.AsNoTracking().Where(p => p.Identifier == identifier).Select(p => (Guid?)p.SubjectId)
                .FirstOrDefaultAsync(cancellationToken) ?? colour?.SubjectId ?? Guid.Empty;
            if (request.CreditPath is not null)
            {
                await CreditPathRules.CheckSubjectAsync(request.SubjectKind, identifier, colour, db, errors, cancellationToken);
                if (errors.Count > 0)
                {
                    return (null, TypedResults.ValidationProblem(errors, title: "不能以信用承诺方式办理"));
                }
            }

            var now = clock.GetUtcNow();
            var clerk = user.Identity?.Name ?? "unknown";
            var application = new ConnectionApplication
            {
                Id = Guid.CreateVersion7(),
                SubjectKind = request.SubjectKind,
                Identifier = identifier,
                SubjectId = subjectId,
                ApplicantName = request.ApplicantName.Trim(),
                Type = request.Type,
                CapacityKva = request.CapacityKva,
                Address = request.Address.Trim(),
                SubmittedAt = now,
                SubmittedBy = clerk,
                GreenChannel = ConnectionApplication.IsHonest(colour?.Colour),
                PropertyProof = request.PropertyProof is { } proof
                    ? new PropertyProof { DocumentType = proof.DocumentType.Trim(), DocumentNumber = proof.DocumentNumber.Trim() }
                    : null,
            };
            stageClock.Enter(application, ApplicationStage.Accepted, now, clerk, Roles.Clerk, null);
            db.Applications.Add(application);
            if (request.CreditPath is { } path)
            {
                await letters.WriteAsync(db, application, path, now, clerk, cancellationToken);
            }

            db.AddToOutbox(new ApplicationSubmitted
            {
                ApplicationId = application.Id,
                SubjectId = application.SubjectId,
                SubjectKind = application.SubjectKind,
                Identifier = application.Identifier,
                ApplicantName = application.ApplicantName,
                ApplicationType = ApplicationTypes.Code(application.Type),
                ApplicationTypeName = ApplicationTypes.Name(application.Type),
                GreenChannel = application.GreenChannel,
                CreditPath = application.CreditPath,
                SubmittedAt = now,
            }, clock);
            db.AddToOutbox(StageEvents.Changed(application, null, now), clock);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (application, null);
        });
        if (refusal is not null)
        {
            return refusal;
        }

        // Read outside the retried block: a transient failure here must not take the application a second time.
        return TypedResults.Created($"/api/applications/{taken!.Id}",
            await ApplicationDetailResponse.LoadAsync(db, taken.Id, taken.SubmittedAt, cancellationToken));
    }

    private static Dictionary<string, string[]> Validate(SubmitApplicationRequest request, string identifier, DateOnly today)
    {
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

        if (request.CapacityKva is < 1 or > MaxCapacityKva)
        {
            errors["capacityKva"] = [$"申请容量应为 1 至 {MaxCapacityKva} 千伏安之间的整数。"];
        }

        if (string.IsNullOrWhiteSpace(request.Address) || request.Address.Trim().Length > 300)
        {
            errors["address"] = ["用电地址不能为空，且不超过 300 个字符。"];
        }

        switch (request.PropertyProof, request.CreditPath)
        {
            case (null, null):
                errors["propertyProof"] = ["请提供产权证明；法人暂无产权证明的，可凭信用报告和信用承诺书以信用承诺方式办理。"];
                break;
            case (not null, not null):
                errors["creditPath"] = ["已提供产权证明的，无需以信用承诺方式办理：两者只能选择一种。"];
                break;
            case ({ } proof, null):
                if (string.IsNullOrWhiteSpace(proof.DocumentType) || proof.DocumentType.Trim().Length > 50)
                {
                    errors["propertyProof.documentType"] = ["产权证明类型不能为空，且不超过 50 个字符。"];
                }

                if (string.IsNullOrWhiteSpace(proof.DocumentNumber) || proof.DocumentNumber.Trim().Length > 100)
                {
                    errors["propertyProof.documentNumber"] = ["产权证明编号不能为空，且不超过 100 个字符。"];
                }

                break;
            case (null, { } path):
                if (request.SubjectKind == SubjectKind.NaturalPerson)
                {
                    errors["creditPath"] = ["信用承诺方式只适用于法人（凭江苏省法人公共信用信息查询报告），自然人请提供产权证明。"];
                }
                else
                {
                    CreditPathRules.CheckReport(path, today, errors);
                }

                break;
        }

        return errors;
    }
}
