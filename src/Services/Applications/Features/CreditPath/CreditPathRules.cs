using CreditPower.Applications.Data;
using CreditPower.Applications.Domain;
using CreditPower.Contracts;
using CreditPower.ServiceDefaults.Dates;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Applications.Features.CreditPath;

/// <summary>
/// Who may take the credit path (DOMAIN.md §5, §7), each refusal naming the field it rests on and why, in Chinese.
/// </summary>
internal static class CreditPathRules
{
    /// <summary>Checks the report's own data; no database needed, so bad input is refused before anything is locked.</summary>
    public static void CheckReport(CreditPathRequest path, DateOnly today, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(path.LegalRepresentative) || path.LegalRepresentative.Trim().Length > 50)
        {
            errors["creditPath.legalRepresentative"] = ["法定代表人姓名不能为空，且不超过 50 个字符。"];
        }

        var report = path.Report;
        if (string.IsNullOrWhiteSpace(report.Number) || report.Number.Trim().Length > 50)
        {
            errors["creditPath.report.number"] = ["信用报告编号不能为空，且不超过 50 个字符。"];
        }

        if (string.IsNullOrWhiteSpace(report.Issuer) || report.Issuer.Trim().Length > 100)
        {
            errors["creditPath.report.issuer"] = ["出具机构不能为空，且不超过 100 个字符。"];
        }

        if (report.IssuedOn > today)
        {
            errors["creditPath.report.issuedOn"] = [$"出具日期不能晚于今天（{today:yyyy-MM-dd}），请核对信用报告上的出具日期。"];
        }

        if (report.ValidUntil < today)
        {
            errors["creditPath.report.validUntil"] = [$"信用报告已于 {report.ValidUntil:yyyy-MM-dd} 过期，请申请人重新查询打印《江苏省法人公共信用信息查询报告》。"];
        }
        else if (report.ValidUntil < report.IssuedOn)
        {
            errors["creditPath.report.validUntil"] = ["信用报告的有效期截止日早于出具日期。"];
        }

        if (report.NegativeItems.Count > 50 || report.NegativeItems.Any(i => string.IsNullOrWhiteSpace(i) || i.Length > 300))
        {
            errors["creditPath.report.negativeItems"] = ["失信信息每条不能为空、不超过 300 个字符，最多 50 条。"];
        }
    }

    /// <summary>
    /// The subject's own standing, read under the subject's lock so a grade arriving at the same moment is either
    /// seen or applies after. "A broken commitment not yet repaired": refused while any commitment of the subject is
    /// verified broken and its colour (from Grading's events) is black or red, or not yet known. Grading turns a
    /// broken commitment into a 12-month black veto; the subject is cleared once Grading lifts it to yellow or better
    /// (the veto expired, or a supervisor approved a repair and the monthly evaluation moved it up). Modelling repair
    /// here as well would keep a second, diverging idea of the subject's standing; Grading owns it, we follow its colour.
    /// A colour older than the breach does not clear it: Grading has not answered the breach yet.
    /// </summary>
    public static async Task CheckSubjectAsync(
        SubjectKind kind, string identifier, SubjectColour? known, ApplicationsDbContext db, Dictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        if (kind != SubjectKind.LegalEntity)
        {
            errors["creditPath"] = ["信用承诺方式只适用于法人（凭江苏省法人公共信用信息查询报告），自然人请提供产权证明。"];
            return;
        }

        var colour = known?.Colour;
        if (colour == CreditColour.Black)
        {
            errors["creditPath"] = ["该主体当前信用等级为黑色，不能以信用承诺方式办理，请提供产权证明。"];
            return;
        }

        var broken = await db.Commitments.AsNoTracking()
            .Where(c => c.Identifier == identifier && c.State == CommitmentState.Broken)
            .OrderByDescending(c => c.VerifiedAt)
            .Select(c => new { c.Promise, c.VerifiedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (broken is not null && (colour is null or CreditColour.Red || known!.EffectiveAt < broken.VerifiedAt))
        {
            errors["creditPath"] = [$"该主体有未修复的违诺记录（承诺“{broken.Promise}”已于 {ChinaDates.Numeric(broken.VerifiedAt!.Value)} 核定为违诺），信用修复前不能以信用承诺方式办理。"];
        }
    }
}
