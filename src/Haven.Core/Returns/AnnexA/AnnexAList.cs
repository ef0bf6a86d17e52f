namespace Haven.Core.Returns.AnnexA;

/// How a cell is written: text, a real Excel date, or a whole number.
public enum CellKind { Text, Date, Number }

/// What a column tells about a child beyond who they are and what was done. Location columns
/// (where a child lives or is placed) are withheld for restricted and sealed records (AnnexAPolicy).
public enum Sensitivity { Ordinary, Location }

/// One column of one Annex A list: its published header, how it is written, whether every row must
/// have a value (the borough test checks it), and how the value is read from the list's row.
public sealed record AnnexAColumn<TRow>(string Header, CellKind Kind, Func<TRow, object?> Value, bool Required = false, Sensitivity Sensitivity = Sensitivity.Ordinary);

/// One row of a list as written: the child it is about (null for adopters) and its cell values.
public sealed record AnnexARow(int? ChildId, object?[] Values);

/// One Annex A list, whatever its row type: what the workbook writer and the policy need.
public interface IAnnexAList
{
    /// The list's number in the Ofsted template (1 = contacts … 11 = adopters).
    int Number { get; }

    /// The sheet's name in the workbook, e.g. "List 1 Contacts".
    string SheetName { get; }

    /// In plain words, which records the list includes (shown in docs/returns.md).
    string Includes { get; }

    IReadOnlyList<string> Headers { get; }
    IReadOnlyList<CellKind> Kinds { get; }
    IReadOnlyList<bool> Required { get; }
    IReadOnlyList<Sensitivity> Sensitivities { get; }

    IEnumerable<AnnexARow> Rows(AnnexASnapshot data);
}

/// A list defined once: its inclusion rule (Select, over the snapshot of the record) and its columns
/// in the published order. Each list in AnnexALists.cs is one subclass.
public abstract class AnnexAList<TRow> : IAnnexAList
{
    private IReadOnlyList<AnnexAColumn<TRow>>? _columns;

    public abstract int Number { get; }
    public abstract string SheetName { get; }
    public abstract string Includes { get; }

    /// The rows the list includes, in the order they are written.
    protected abstract IEnumerable<TRow> Select(AnnexASnapshot data);

    /// The child a row is about (null where the row is not about a child).
    protected abstract int? ChildOf(TRow row);

    /// The columns in the published order.
    protected abstract IEnumerable<AnnexAColumn<TRow>> Define();

    private IReadOnlyList<AnnexAColumn<TRow>> Columns => _columns ??= Define().ToList();
    public IReadOnlyList<string> Headers => Columns.Select(c => c.Header).ToList();
    public IReadOnlyList<CellKind> Kinds => Columns.Select(c => c.Kind).ToList();
    public IReadOnlyList<bool> Required => Columns.Select(c => c.Required).ToList();
    public IReadOnlyList<Sensitivity> Sensitivities => Columns.Select(c => c.Sensitivity).ToList();

    public IEnumerable<AnnexARow> Rows(AnnexASnapshot data)
    {
        var columns = Columns;
        foreach (var row in Select(data))
        {
            var values = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++) values[i] = columns[i].Value(row);
            yield return new AnnexARow(ChildOf(row), values);
        }
    }

    protected static AnnexAColumn<TRow> Text(string header, Func<TRow, object?> value, bool required = false, Sensitivity sensitivity = Sensitivity.Ordinary) => new(header, CellKind.Text, value, required, sensitivity);
    protected static AnnexAColumn<TRow> Date(string header, Func<TRow, DateOnly?> value, bool required = false) => new(header, CellKind.Date, r => value(r), required);
    protected static AnnexAColumn<TRow> Integer(string header, Func<TRow, int?> value, bool required = false) => new(header, CellKind.Number, r => value(r), required);
}

/// A list whose rows are about one child each: the common leading columns (lists 1–9) come from here.
public abstract class ChildList<TRow> : AnnexAList<TRow> where TRow : IChildRow
{
    protected override int? ChildOf(TRow row) => row.Child.Id;

    /// Child Unique ID, Sex (was Gender before 2026), Ethnicity, Date of Birth, Age; with the
    /// disability column from list 4 on.
    protected IEnumerable<AnnexAColumn<TRow>> Common(AnnexASnapshot? _ = null, bool disability = false)
    {
        yield return Text("Child Unique ID", r => r.Child.Reference, required: true);
        yield return Text("Sex", r => r.Child.Sex, required: true);
        yield return Text("Ethnicity", r => r.Child.Ethnicity);
        yield return Date("Date of Birth", r => r.Child.DateOfBirth);
        yield return Integer("Age", r => r.Child.AgeOn(r.AsAt));
        if (disability) yield return Text("Does the Child have a Disability", r => r.Child.Disability, required: true);
    }

    protected IEnumerable<AnnexAColumn<TRow>> TeamAndWorker()
    {
        yield return Text("Allocated Team", r => r.Allocation?.Team);
        yield return Text("Allocated Worker", r => r.Allocation?.Worker);
    }
}

/// A row about a child, seen on the as-at day, with the worker allocated then.
public interface IChildRow
{
    ChildFacts Child { get; }
    DateOnly AsAt { get; }
    AllocatedTo? Allocation { get; }
}
