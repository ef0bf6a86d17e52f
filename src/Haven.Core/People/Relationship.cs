namespace Haven.Core.People;

/// "Person is {Type} of RelatedPerson". Stored once; read from either side using Inverse().
public enum RelationshipType
{
    Mother, Father, StepParent, Parent, Sibling, HalfSibling, StepSibling,
    Grandparent, AuntOrUncle, Cousin, FamilyFriend, FosterCarer, Other,
}

public class Relationship
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public int RelatedPersonId { get; set; }
    public Person RelatedPerson { get; set; } = null!;
    public RelationshipType Type { get; set; }
    public bool HasParentalResponsibility { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateTime RecordedAt { get; set; }
}

public static class RelationshipTypes
{
    /// How the relationship reads from the related person's side, given the person's sex.
    public static string Describe(RelationshipType type, Sex sexOfPerson) => type switch
    {
        RelationshipType.Mother => "Mother",
        RelationshipType.Father => "Father",
        RelationshipType.StepParent => sexOfPerson == Sex.Female ? "Stepmother" : sexOfPerson == Sex.Male ? "Stepfather" : "Step-parent",
        RelationshipType.Parent => "Parent",
        RelationshipType.Sibling => sexOfPerson == Sex.Female ? "Sister" : sexOfPerson == Sex.Male ? "Brother" : "Sibling",
        RelationshipType.HalfSibling => sexOfPerson == Sex.Female ? "Half-sister" : sexOfPerson == Sex.Male ? "Half-brother" : "Half-sibling",
        RelationshipType.StepSibling => "Step-sibling",
        RelationshipType.Grandparent => sexOfPerson == Sex.Female ? "Grandmother" : sexOfPerson == Sex.Male ? "Grandfather" : "Grandparent",
        RelationshipType.AuntOrUncle => sexOfPerson == Sex.Female ? "Aunt" : sexOfPerson == Sex.Male ? "Uncle" : "Aunt or uncle",
        RelationshipType.Cousin => "Cousin",
        RelationshipType.FamilyFriend => "Family friend",
        RelationshipType.FosterCarer => "Foster carer",
        _ => "Other",
    };

    /// The description of the inverse side: if A is Mother of B, B is Son/Daughter/Child of A.
    public static string DescribeInverse(RelationshipType type, Sex sexOfRelated) => type switch
    {
        RelationshipType.Mother or RelationshipType.Father or RelationshipType.Parent =>
            sexOfRelated == Sex.Female ? "Daughter" : sexOfRelated == Sex.Male ? "Son" : "Child",
        RelationshipType.StepParent => sexOfRelated == Sex.Female ? "Stepdaughter" : sexOfRelated == Sex.Male ? "Stepson" : "Stepchild",
        RelationshipType.Grandparent => sexOfRelated == Sex.Female ? "Granddaughter" : sexOfRelated == Sex.Male ? "Grandson" : "Grandchild",
        RelationshipType.AuntOrUncle => sexOfRelated == Sex.Female ? "Niece" : sexOfRelated == Sex.Male ? "Nephew" : "Niece or nephew",
        RelationshipType.FosterCarer => "Foster child",
        RelationshipType.Sibling or RelationshipType.HalfSibling or RelationshipType.StepSibling or RelationshipType.Cousin
            or RelationshipType.FamilyFriend or RelationshipType.Other => Describe(type, sexOfRelated),
        _ => "Other",
    };

    public static bool IsSibling(RelationshipType t) => t is RelationshipType.Sibling or RelationshipType.HalfSibling or RelationshipType.StepSibling;
    public static bool IsParental(RelationshipType t) => t is RelationshipType.Mother or RelationshipType.Father or RelationshipType.Parent or RelationshipType.StepParent;

    public static string Label(RelationshipType t) => t switch
    {
        RelationshipType.StepParent => "Step-parent",
        RelationshipType.HalfSibling => "Half-sibling",
        RelationshipType.StepSibling => "Step-sibling",
        RelationshipType.AuntOrUncle => "Aunt or uncle",
        RelationshipType.FamilyFriend => "Family friend",
        RelationshipType.FosterCarer => "Foster carer",
        _ => t.ToString(),
    };
}

/// A professional involved with a child who is not a Haven user: GP, school, health visitor.
public class ProfessionalContact
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public required string Role { get; set; }
    public required string Name { get; set; }
    public string? Organisation { get; set; }
    public string? Phone { get; set; }
}
