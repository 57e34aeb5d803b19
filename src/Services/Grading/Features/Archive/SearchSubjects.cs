using System.Globalization;
using CreditPower.Contracts;
using CreditPower.Grading.Data;
using CreditPower.Grading.Domain;
using CreditPower.ServiceDefaults.Api;
using CreditPower.ServiceDefaults.Subjects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreditPower.Grading.Features.Archive;

public sealed record SubjectSearchItem(Guid Id, SubjectKind Kind, string Identifier, string Name, CreditColour Colour, string ColourName, int Score);

public sealed record SubjectSearchResponse(int Page, int PageSize, int Total, IReadOnlyList<SubjectSearchItem> Items);

internal static class SearchSubjects
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    /// <summary>
    /// Finds subjects by USCC or resident ID (exact), power account number (exact) or name (contains, prefix matches
    /// first); paged, natural persons' ID numbers masked.
    /// </summary>
    public static async Task<Results<Ok<SubjectSearchResponse>, ValidationProblem>> Handle(
        string? q, string? page, string? pageSize, GradingDbContext db, CancellationToken cancellationToken)
    {
        var term = q?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (term.Length is 0 or > 200)
        {
            errors["q"] = ["请输入检索内容（统一社会信用代码、身份证号、名称或户号），不超过 200 个字符。"];
        }

        var pageNumber = ParsePositive(page, 1, int.MaxValue, "page", "页码应为正整数。", errors);
        var size = ParsePositive(pageSize, DefaultPageSize, MaxPageSize, "pageSize", $"每页条数应为 1–{MaxPageSize} 的整数。", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Problems.InvalidTitle);
        }

        var identifier = SubjectIdentifier.Normalize(term);
        var matches = db.Subjects.AsNoTracking().Where(s =>
            s.Identifier == identifier || s.Accounts.Any(a => a.Number == term) || s.Name.Contains(term));
        var total = await matches.CountAsync(cancellationToken);
        var items = await matches
            .OrderByDescending(s => s.Identifier == identifier || s.Accounts.Any(a => a.Number == term))
            .ThenByDescending(s => s.Name.StartsWith(term))
            .ThenBy(s => s.Name)
            .ThenBy(s => s.Id)
            .Skip((int)Math.Min((long)(pageNumber - 1) * size, int.MaxValue))
            .Take(size)
            .Select(s => new { s.Id, s.Kind, s.Identifier, s.Name, s.Colour, s.Score })
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new SubjectSearchResponse(pageNumber, size, total, [.. items.Select(s => new SubjectSearchItem(
            s.Id, s.Kind, SubjectIdentifier.Display(s.Kind, s.Identifier), s.Name, s.Colour, StatusLabels.For(s.Colour), s.Score))]));
    }

    private static int ParsePositive(string? text, int fallback, int max, string field, string message, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max)
        {
            return value;
        }

        errors[field] = [message];
        return fallback;
    }
}
