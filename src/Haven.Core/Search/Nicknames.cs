namespace Haven.Core.Search;

/// <summary>
/// Common English given names and their short forms and spellings. The first name in each group
/// is its canonical form; a name can belong to several groups (Alex, Chris, Sam, Ted).
/// </summary>
public static class Nicknames
{
    private static readonly string[] groups =
    [
        "william bill billy will willie willy wills liam",
        "robert bob bobby rob robbie robby bert",
        "elizabeth liz lizzie lizzy beth betty bess bessie eliza elsie libby lisa",
        "margaret maggie meg peggy madge mags greta",
        "richard rick ricky rich richie dick",
        "james jim jimmy jamie jas hamish seamus",
        "katherine kate katie kathy kat kitty kay catherine kathryn catharine",
        "alexander alex alec alexandre xander sandy sasha",
        "alexandra alex alexa lexi sandra sasha",
        "john jon johnny jack",
        "jonathan jon jonny",
        "thomas tom tommy",
        "michael mike mikey mick mickey",
        "christopher chris kit",
        "christine chris chrissie christina kristina kirsty tina",
        "edward ed eddie ted teddy ned",
        "theodore theo ted teddy",
        "joseph joe joey jo",
        "josephine jo josie",
        "joanne jo joanna",
        "daniel dan danny",
        "david dave davy",
        "anthony tony antony ant",
        "andrew andy drew",
        "matthew matt matty",
        "nicholas nick nicky nico",
        "benjamin ben benny benji",
        "samuel sam sammy",
        "samantha sam sammy",
        "charles charlie chas chuck",
        "charlotte charlie lottie lotte",
        "henry harry hal hank",
        "harold harry hal",
        "frederick fred freddie freddy",
        "alfred alf alfie fred",
        "patrick pat paddy",
        "patricia pat patty tricia trish",
        "stephen steve stevie steven stefan",
        "philip phil phillip pip",
        "peter pete",
        "timothy tim timmy",
        "kenneth ken kenny",
        "ronald ron ronnie",
        "donald don donnie",
        "douglas doug dougie",
        "gerald gerry jerry",
        "jeremy jerry jez",
        "lawrence larry laurie laurence",
        "leonard len lenny leo",
        "raymond ray",
        "albert bert bertie al",
        "gregory greg",
        "jacob jake",
        "joshua josh",
        "zachary zach zack zak",
        "oliver ollie olly",
        "nathaniel nat nate nathan",
        "dominic dom",
        "francis frank frankie fran",
        "frances fran frankie",
        "susan sue susie suzy",
        "suzanne sue suzie susanne",
        "deborah debbie deb debra",
        "rebecca becky becca bex",
        "jennifer jen jenny",
        "jessica jess jessie",
        "victoria vicky vicki tori",
        "abigail abby abbie gail",
        "amanda mandy",
        "anne ann annie anna nan nancy",
        "mary molly polly mamie",
        "sarah sally sadie sara",
        "helen nell nellie ellen",
        "eleanor ellie nell nora elle",
        "caroline carol carrie",
        "isabel isabella isobel isabelle izzy bella issy",
        "gabrielle gabby gabi",
        "olivia liv livvy",
        "sophia sophie sofia",
        "amelia millie amy",
        "emily em emmy millie",
        "emma em emmy",
        "dorothy dot dottie dolly",
        "louise lou lulu louisa",
        "louis lou louie lewis",
        "natalie nat natasha tasha tash",
        "penelope penny",
        "jacqueline jackie jacqui",
        "judith judy jude",
        "teresa theresa terri tess tessa",
        "florence flo florrie",
        "harriet hattie",
        "evelyn evie eve",
        "barbara barb babs",
        "beatrice bea trixie",
        "lucinda lucy cindy",
        "kimberley kim kimberly",
        "terence terry",
        "stanley stan",
        "walter walt wally",
        "vincent vince vinnie",
        "maximilian max",
        "maxwell max",
        "archibald archie",
        "arthur art artie",
        "ian iain",
        "sean shaun shawn",
        "aidan aiden ayden",
        "mohammed muhammad mohamed mohammad mo",
    ];

    private static readonly Dictionary<string, string[]> canonicalForms = groups
        .Select(g => g.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .SelectMany(names => names.Select(name => (Name: name, Canonical: names[0])))
        .GroupBy(p => p.Name, p => p.Canonical)
        .ToDictionary(g => g.Key, g => g.Distinct().ToArray(), StringComparer.Ordinal);

    /// <summary>The number of name groups in the table.</summary>
    public static int GroupCount => groups.Length;

    /// <summary>
    /// The canonical names a token belongs to ("bill" → "william"; "alex" → "alexander",
    /// "alexandra"), or none if the name is not in the table.
    /// </summary>
    public static IEnumerable<string> CanonicalFormsOf(string token) =>
        canonicalForms.GetValueOrDefault(NameNormaliser.Normalise(token)) ?? [];

    /// <summary>True when the two names share a group, such as Bill and William.</summary>
    public static bool AreRelated(string first, string second) =>
        CanonicalFormsOf(first).Intersect(CanonicalFormsOf(second)).Any();
}
