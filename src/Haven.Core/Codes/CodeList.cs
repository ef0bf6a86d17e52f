using System.Collections.Frozen;
using System.Reflection;

namespace Haven.Core.Codes;

public sealed record Code(string Value, string Description);

/// A statutory code list, read from the DfE lists kept in Codes/*.csv (copied from shared/reference/codes).
public sealed class CodeList
{
    private readonly FrozenDictionary<string, Code> _byValue;

    private CodeList(string name, IReadOnlyList<Code> codes)
    {
        Name = name;
        All = codes;
        _byValue = codes.ToFrozenDictionary(c => c.Value, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }
    public IReadOnlyList<Code> All { get; }
    public bool Contains(string? value) => value is not null && _byValue.ContainsKey(value);
    public string? Describe(string? value) => value is not null && _byValue.TryGetValue(value, out var c) ? c.Description : null;

    public static CodeList Load(string name)
    {
        var resource = $"Haven.Core.Codes.{name}.csv";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Code list {name} is not embedded.");
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // header: code,description
        var codes = new List<Code>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var comma = line.IndexOf(',');
            codes.Add(new Code(line[..comma], line[(comma + 1)..].Trim('"')));
        }
        return new CodeList(name, codes);
    }
}

/// The code lists the core record uses.
public static class CodeLists
{
    public static readonly CodeList Ethnicity = CodeList.Load("ethnicity");
    public static readonly CodeList Disability = CodeList.Load("cin_disability");
    public static readonly CodeList UpnUnknown = CodeList.Load("cin_upn_unknown");
    public static readonly CodeList ReferralSource = CodeList.Load("cin_referral_source");
    public static readonly CodeList SdqReason = CodeList.Load("903_sdq_reason");
    public static readonly CodeList SwReason = CodeList.Load("903_sw_reason");
    /// The adopters recorded at the match (903 AD1): former foster carers, how many, their sex make-up and legal status.
    public static readonly CodeList AdopterFosterCare = CodeList.Load("903_foster_care");
    public static readonly CodeList AdopterNumber = CodeList.Load("903_adopter_number");
    public static readonly CodeList AdopterSex = CodeList.Load("903_adopter_sex");
    public static readonly CodeList AdopterLegalStatus = CodeList.Load("903_adopter_legal_status");
}
