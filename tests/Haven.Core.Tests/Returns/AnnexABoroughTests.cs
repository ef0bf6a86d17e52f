using System.Diagnostics;
using Haven.Core.Returns.AnnexA;
using Haven.Core.Tests.Synthetic;
using Xunit.Abstractions;

namespace Haven.Core.Tests.Returns;

/// Annex A over the generated 3,000-child borough: every list has rows, no row lacks a required
/// column, the picklist columns hold picklist values, and the time it takes is printed.
public sealed class AnnexABoroughTests(GeneratedBorough borough, ITestOutputHelper output) : IClassFixture<GeneratedBorough>
{
    [Fact]
    public async Task AnnexA_GeneratedBorough_EveryListHasRows_AndNoRowMissesARequiredColumn()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"annex-a-borough-{Guid.NewGuid():N}");
        try
        {
            await using var db = borough.Open();
            var clock = Stopwatch.StartNew();
            var path = await AnnexAReturn.WriteAsync(db, AnnexAReturn.WindowEnding(GeneratedBorough.Today), folder, CancellationToken.None);
            output.WriteLine($"Annex A for {GeneratedBorough.Children} children as at {GeneratedBorough.Today:yyyy-MM-dd}: {clock.Elapsed.TotalSeconds:0.00}s, {new FileInfo(path).Length / 1024} KiB");

            var sheets = AnnexAWorkbook.Read(path);
            Assert.Equal(AnnexALists.All.Count, sheets.Count);
            foreach (var (list, sheet) in AnnexALists.All.Zip(sheets))
            {
                output.WriteLine($"{sheet.Name}: {sheet.Rows.Count} rows");
                Assert.Equal(list.SheetName, sheet.Name);
                Assert.Equal(list.Headers, sheet.Headers);
                if (list is AdoptionList)
                {
                    // A 3,000-child borough has few adoptions: list 10 must hold exactly those with a
                    // decision by the as-at day and no order before the last 12 months, counted here apart.
                    var yearStart = GeneratedBorough.Today.AddDays(1).AddYears(-1);
                    var expected = db.AdoptionCases.Count(a => a.AdmDecisionDate <= GeneratedBorough.Today && (a.AdoptionOrderDate == null || a.AdoptionOrderDate >= yearStart));
                    Assert.Equal(expected, sheet.Rows.Count);
                }
                else Assert.True(sheet.Rows.Count > 0, $"{sheet.Name} has no rows.");
                for (var c = 0; c < list.Headers.Count; c++)
                {
                    if (list.Required[c])
                    {
                        var missing = sheet.Rows.Count(r => r[c] is null or "");
                        Assert.True(missing == 0, $"{sheet.Name}: {missing} rows have no '{list.Headers[c]}'.");
                    }
                    if (list.Kinds[c] == CellKind.Date)
                        Assert.All(sheet.Rows, r => Assert.True(r[c] is null or DateOnly, $"{sheet.Name} '{list.Headers[c]}' holds {r[c]}, not a date."));
                }
                // Nothing dated after the as-at day.
                Assert.All(sheet.Rows, r => Assert.DoesNotContain(r, v => v is DateOnly d && d > GeneratedBorough.Today));
                // Picklist columns hold picklist values ("a) …"); adopters' sex is not recorded yet (blank).
                foreach (var header in new[] { "Sex", "Contact Source", "Referral Source", "Case Status", "Eligibility Category",
                    "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)" })
                    if (sheet.Headers.ToList().IndexOf(header) is var i and >= 0)
                        Assert.All(sheet.Rows.Where(r => list.Required[i] || r[i] is not null), r => Assert.Matches(@"^[a-k]\) ", (string)r[i]!));
            }
        }
        finally { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
    }

    /// List 1's rows come in one order whatever order the database reads the contacts in: by day,
    /// child, then contact (two contacts about a child on one day swapped between runs on PostgreSQL).
    [Fact]
    public async Task AnnexA_ContactsList_IsOrderedByDayChildThenContact()
    {
        await using var db = borough.Open();
        var window = AnnexAReturn.WindowEnding(GeneratedBorough.Today);
        var sheets = await AnnexAReturn.BuildAsync(db, window, CancellationToken.None);
        var from = window.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var after = window.End.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var contacts = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.ContactChildren.Where(c => c.Contact.ReceivedAt >= from && c.Contact.ReceivedAt < after && c.Child.Kind == Haven.Core.People.PersonKind.Child && c.Child.DeletedAt == null)
                .Select(c => new { c.ChildId, c.ContactId, c.Contact.ReceivedAt, c.Contact.SourceCode }));
        var expected = contacts.OrderBy(c => DateOnly.FromDateTime(c.ReceivedAt)).ThenBy(c => c.ChildId).ThenBy(c => c.ContactId)
            .Select(c => $"{Haven.Core.People.HavenIds.Format(c.ChildId)} {AnnexACodes.ContactSource(c.SourceCode)}").ToList();
        var list1 = sheets[0];
        Assert.Equal("List 1 Contacts", list1.Name);
        Assert.True(expected.Count > 100);
        Assert.Equal(expected, list1.Rows.Select(r => $"{r[0]} {r[6]}").ToList());
    }
}
