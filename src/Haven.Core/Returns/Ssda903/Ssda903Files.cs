using System.Globalization;
using System.Text;

namespace Haven.Core.Returns.Ssda903;

/// The SSDA903 CSV files: one per table, a header row with the DfE's column names in the DfE's order
/// (statutory-returns.md §1.2), dates dd/mm/yyyy, booleans 0/1, blanks for nothing. Write and Read are
/// inverses: reading what was written gives the same model back.
public static class Ssda903Files
{
    private sealed record Table<T>(string File, string[] Columns, Func<T, string?[]> ToCells, Func<string?[], T> FromCells);

    private static readonly Table<Ssda903Header> HeaderTable = new("header.csv",
        ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
        h => [h.Child, h.Sex, D(h.Dob), h.Ethnic, h.Upn, h.Mother, D(h.MotherChildDob)],
        c => new(c[0]!, c[1] ?? "", Pd(c[2]), c[3], c[4], c[5], Pd(c[6])));

    private static readonly Table<Ssda903Episode> EpisodesTable = new("episodes.csv",
        ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
        e => [e.Child, D(e.Decom), e.Rne, e.Ls, e.Cin, e.Place, e.PlaceProvider, D(e.Dec), e.Rec, e.ReasonPlaceChange, e.HomePost, e.PlPost, e.Urn],
        c => new(c[0]!, Pd(c[1]) ?? default, c[2] ?? "", c[3] ?? "", c[4] ?? "", c[5] ?? "", c[6], Pd(c[7]), c[8], c[9], c[10], c[11], c[12]));

    private static readonly Table<Ssda903Uasc> UascTable = new("uasc.csv",
        ["CHILD", "SEX", "DOB", "DUC"],
        u => [u.Child, u.Sex, D(u.Dob), D(u.Duc)],
        c => new(c[0]!, c[1] ?? "", Pd(c[2]), Pd(c[3])));

    private static readonly Table<Ssda903Review> ReviewsTable = new("reviews.csv",
        ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
        r => [r.Child, D(r.Dob), D(r.Review), r.ReviewCode],
        c => new(c[0]!, Pd(c[1]), Pd(c[2]) ?? default, c[3] ?? ""));

    private static readonly Table<Ssda903Missing> MissingTable = new("missing.csv",
        ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
        m => [m.Child, D(m.Dob), m.Missing, D(m.MisStart), D(m.MisEnd)],
        c => new(c[0]!, Pd(c[1]), c[2] ?? "", Pd(c[3]) ?? default, Pd(c[4])));

    private static readonly Table<Ssda903Oc2> Oc2Table = new("oc2.csv",
        ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
        o => [o.Child, D(o.Dob), o.SdqScore?.ToString(CultureInfo.InvariantCulture), o.SdqReason, B(o.Convicted), B(o.HealthCheck), B(o.Immunisations), B(o.TeethCheck), B(o.HealthAssessment), B(o.SubstanceMisuse), B(o.InterventionReceived), B(o.InterventionOffered)],
        c => new(c[0]!, Pd(c[1]), c[2] is { } s && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null, c[3], Pb(c[4]), Pb(c[5]), Pb(c[6]), Pb(c[7]), Pb(c[8]), Pb(c[9]), Pb(c[10]), Pb(c[11])));

    private static readonly Table<Ssda903Oc3> Oc3Table = new("oc3.csv",
        ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
        o => [o.Child, D(o.Dob), o.InTouch, o.Activ, o.Accom],
        c => new(c[0]!, Pd(c[1]), c[2] ?? "", c[3] ?? "", c[4] ?? ""));

    private static readonly Table<Ssda903Ad1> Ad1Table = new("ad1.csv",
        ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
        a => [a.Child, D(a.Dob), D(a.DateInt), D(a.DateMatch), a.FosterCare, a.NbAdoptr, a.SexAdoptr, a.LsAdoptr],
        c => new(c[0]!, Pd(c[1]), Pd(c[2]), Pd(c[3]), c[4], c[5], c[6], c[7]));

    private static readonly Table<Ssda903PlacedAdoption> PlacedTable = new("placed_for_adoption.csv",
        ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
        p => [p.Child, D(p.Dob), D(p.DatePlaced), D(p.DatePlacedCeased), p.ReasonPlacedCeased],
        c => new(c[0]!, Pd(c[1]), Pd(c[2]) ?? default, Pd(c[3]), c[4]));

    private static readonly Table<Ssda903PrevPerm> PrevPermTable = new("previous_permanence.csv",
        ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
        p => [p.Child, D(p.Dob), p.PrevPerm, p.LaPerm, p.DatePerm],
        c => new(c[0]!, Pd(c[1]), c[2], c[3], c[4]));

    private static readonly Table<Ssda903SwEpisode> SwEpisodesTable = new("sw_episodes.csv",
        ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
        w => [w.Child, D(w.Dob), w.SwId, D(w.SwDecom), D(w.SwDec), w.SwReason],
        c => new(c[0]!, Pd(c[1]), c[2], Pd(c[3]), Pd(c[4]), c[5]));

    private static readonly Table<Ssda903DoLo> DoLoTable = new("dolo.csv",
        ["CHILD", "DOB", "DOLO_START", "DOLO_END"],
        o => [o.Child, D(o.Dob), D(o.DoloStart), D(o.DoloEnd)],
        c => new(c[0]!, Pd(c[1]), Pd(c[2]), Pd(c[3])));

    /// The file names this return writes, in the order the reference lists the tables.
    public static IReadOnlyList<string> FileNames { get; } =
        [HeaderTable.File, EpisodesTable.File, UascTable.File, ReviewsTable.File, Ad1Table.File, PlacedTable.File, PrevPermTable.File, MissingTable.File, Oc2Table.File, Oc3Table.File, SwEpisodesTable.File, DoLoTable.File];

    public static IReadOnlyList<string> Write(Ssda903Data data, string folder)
    {
        Directory.CreateDirectory(folder);
        return
        [
            WriteTable(folder, HeaderTable, data.Header),
            WriteTable(folder, EpisodesTable, data.Episodes),
            WriteTable(folder, UascTable, data.Uasc),
            WriteTable(folder, ReviewsTable, data.Reviews),
            WriteTable(folder, Ad1Table, data.Ad1),
            WriteTable(folder, PlacedTable, data.PlacedAdoption),
            WriteTable(folder, PrevPermTable, data.PrevPerm),
            WriteTable(folder, MissingTable, data.Missing),
            WriteTable(folder, Oc2Table, data.Oc2),
            WriteTable(folder, Oc3Table, data.Oc3),
            WriteTable(folder, SwEpisodesTable, data.SwEpisodes),
            WriteTable(folder, DoLoTable, data.DoLo),
        ];
    }

    /// Reads a folder back. The collection year is given, or taken as the year of the latest date in
    /// the episodes, reviews and missing spells (every 903 has episodes in its own year).
    public static Ssda903Data Read(string folder, int? yearEnding = null)
    {
        var episodes = ReadTable(folder, EpisodesTable);
        var reviews = ReadTable(folder, ReviewsTable);
        var missing = ReadTable(folder, MissingTable);
        var year = yearEnding ?? InferYear(episodes, reviews, missing);
        return new Ssda903Data(ReturnPeriod.CollectionYear(year), ReadTable(folder, HeaderTable), episodes, ReadTable(folder, UascTable),
            reviews, missing, ReadTable(folder, Oc2Table), ReadTable(folder, Oc3Table), ReadTable(folder, Ad1Table), ReadTable(folder, PlacedTable))
        {
            PrevPerm = ReadTable(folder, PrevPermTable),
            SwEpisodes = ReadTable(folder, SwEpisodesTable),
            DoLo = ReadTable(folder, DoLoTable),
        };
    }

    private static int InferYear(IReadOnlyList<Ssda903Episode> episodes, IReadOnlyList<Ssda903Review> reviews, IReadOnlyList<Ssda903Missing> missing)
    {
        var dates = episodes.Select(e => e.Dec ?? e.Decom).Concat(reviews.Select(r => r.Review)).Concat(missing.Select(m => m.MisStart)).ToList();
        return dates.Count == 0 ? ReturnPeriod.CollectionYearOf(DateOnly.FromDateTime(DateTime.UtcNow)) : ReturnPeriod.CollectionYearOf(dates.Max());
    }

    private static string WriteTable<T>(string folder, Table<T> table, IEnumerable<T> rows)
    {
        var path = Path.Combine(folder, table.File);
        var sb = new StringBuilder();
        sb.Append(string.Join(',', table.Columns)).Append("\r\n");
        foreach (var row in rows) sb.Append(string.Join(',', table.ToCells(row).Select(Quote))).Append("\r\n");
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        return path;
    }

    private static List<T> ReadTable<T>(string folder, Table<T> table)
    {
        var path = Path.Combine(folder, table.File);
        if (!File.Exists(path)) return [];
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) return [];
        var header = Split(lines[0]);
        var index = table.Columns.Select(c => Array.FindIndex(header, h => string.Equals(h?.Trim(), c, StringComparison.OrdinalIgnoreCase))).ToArray();
        var rows = new List<T>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0) continue;
            var cells = Split(line);
            var ordered = index.Select(i => i >= 0 && i < cells.Length ? cells[i] : null).ToArray();
            if (string.IsNullOrEmpty(ordered[0])) continue;
            rows.Add(table.FromCells(ordered));
        }
        return rows;
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    private static string?[] Split(string line)
    {
        var cells = new List<string?>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else sb.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { cells.Add(Blank(sb.ToString())); sb.Clear(); }
            else sb.Append(ch);
        }
        cells.Add(Blank(sb.ToString()));
        return [.. cells];
    }

    private static string? Blank(string s) => s.Trim().Length == 0 ? null : s.Trim();

    public static string? D(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    private static string? B(bool? b) => b is null ? null : b.Value ? "1" : "0";
    private static DateOnly? Pd(string? s) =>
        s is not null && DateOnly.TryParseExact(s, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    private static bool? Pb(string? s) => s switch { "1" => true, "0" => false, _ => null };
}
