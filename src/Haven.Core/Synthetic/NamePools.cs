using Haven.Core.People;

namespace Haven.Core.Synthetic;

/// The family backgrounds the generator draws names, languages and religions from. These are
/// broad naming traditions, not ethnicities: a family's ethnicity codes are chosen separately.
internal enum Heritage
{
    British, Irish, Traveller, EastEuropean, Roma, SouthernEuropean, Albanian, Indian, Pakistani, Bangladeshi,
    Tamil, WestAfrican, Somali, HornOfAfrica, Caribbean, Chinese, MiddleEastern, Afghan, Vietnamese,
}

/// Common given names and surnames, written for this generator. Combined at random they make
/// plausible but fictional people; no list of real individuals is used.
internal sealed record NamePool(string[] Boys, string[] Girls, string[] Surnames, string[] Languages, string[] Religions)
{
    public string[] For(Sex sex) => sex == Sex.Female ? Girls : Boys;
}

internal static class NamePools
{
    // British adults are named from an older generation's list; everyone else from one list.
    public static readonly string[] BritishWomen =
    [
        "Sarah", "Emma", "Laura", "Rebecca", "Kelly", "Nicola", "Claire", "Lisa", "Michelle", "Joanne", "Gemma",
        "Stacey", "Danielle", "Hayley", "Victoria", "Samantha", "Kirsty", "Natalie", "Louise", "Rachel", "Karen",
        "Susan", "Tracey", "Julie", "Donna", "Angela", "Carol", "Linda", "Jacqueline", "Deborah", "Sharon", "Amanda",
        "Lorraine", "Janet", "Margaret", "Patricia", "Kerry", "Leanne", "Charlotte", "Jodie", "Zoe", "Helen",
    ];

    public static readonly string[] BritishMen =
    [
        "Daniel", "Matthew", "Christopher", "David", "Michael", "James", "Mark", "Paul", "Andrew", "Richard", "Lee",
        "Craig", "Scott", "Wayne", "Darren", "Jason", "Stephen", "Gary", "Dean", "Carl", "Shane", "Robert", "Anthony",
        "Martin", "Kevin", "Ian", "Neil", "Steven", "Peter", "Keith", "Brian", "Graham", "Terry", "Colin", "Barry",
        "Ryan", "Adam", "Jamie", "Ashley", "Gavin", "Simon", "Stuart",
    ];

    private static readonly Dictionary<Heritage, NamePool> Pools = new()
    {
        [Heritage.British] = new(
            ["Oliver", "George", "Harry", "Jack", "Jacob", "Noah", "Charlie", "Thomas", "Oscar", "William", "James", "Leo",
             "Alfie", "Henry", "Joshua", "Freddie", "Archie", "Ethan", "Isaac", "Alexander", "Joseph", "Edward", "Samuel",
             "Max", "Logan", "Lucas", "Daniel", "Theo", "Arthur", "Mason", "Harrison", "Tyler", "Riley", "Kai", "Liam",
             "Callum", "Connor", "Lewis", "Ryan", "Jayden", "Kyle", "Dylan", "Luke", "Benjamin", "Jake", "Reece", "Bradley",
             "Jamie", "Toby", "Finley", "Ronnie", "Tommy", "Frankie", "Albie", "Reggie", "Stanley", "Teddy"],
            ["Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophia", "Grace", "Mia", "Poppy", "Ella", "Lily", "Evie",
             "Isabella", "Sophie", "Ivy", "Freya", "Harper", "Willow", "Charlotte", "Jessica", "Daisy", "Florence", "Ruby",
             "Chloe", "Millie", "Phoebe", "Scarlett", "Lola", "Holly", "Megan", "Lauren", "Courtney", "Shannon", "Jade",
             "Leah", "Eleanor", "Maisie", "Erin", "Hannah", "Katie", "Ellie", "Bethany", "Paige", "Amber", "Summer",
             "Skye", "Lacey", "Tilly", "Elizabeth", "Rosie", "Mollie", "Darcy", "Niamh"],
            ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
             "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Hughes",
             "Edwards", "Harris", "Lewis", "Turner", "Hill", "Moore", "Cooper", "Ward", "Morris", "King", "Baker",
             "Harrison", "Morgan", "Allen", "Parker", "Mason", "Holmes", "Fletcher", "Barker", "Dawson", "Marshall",
             "Lloyd", "Hudson", "Chapman", "Pearce", "Bennett", "Price", "Bailey", "Webb", "Fox", "Russell", "Spencer",
             "Gibson", "Ellis", "Palmer", "Mills", "Knight", "Lawrence", "Hunt", "Rose", "Stevens", "Booth", "Barnes",
             "Kemp", "Pratt", "Burton", "Cole", "Dixon", "Payne", "Shaw", "Lane", "Hayes", "Tucker", "Grey", "Doyle",
             "Newman", "Fisher", "Saunders", "Hopkins"],
            ["English"],
            ["Christian", "No religion", "No religion", "Church of England", "Roman Catholic"]),
        [Heritage.Irish] = new(
            ["Sean", "Patrick", "Michael", "Conor", "Ciaran", "Liam", "Declan", "Eoin", "Niall", "Padraig", "Cillian",
             "Oisin", "Darragh", "Ronan", "Cathal"],
            ["Siobhan", "Aoife", "Niamh", "Ciara", "Roisin", "Bridget", "Sinead", "Orla", "Grainne", "Shauna", "Caitlin",
             "Clodagh", "Saoirse", "Aisling", "Mairead"],
            ["Murphy", "Kelly", "O'Brien", "Byrne", "Ryan", "O'Sullivan", "Walsh", "McCarthy", "Doyle", "Gallagher",
             "Kavanagh", "Quinn", "Flynn", "Brennan", "Doherty", "Keenan", "O'Neill", "Kennedy", "Lynch", "Nolan"],
            ["English", "Irish"],
            ["Roman Catholic", "Christian", "No religion"]),
        [Heritage.Traveller] = new(
            ["John", "Patrick", "Michael", "Martin", "Thomas", "Francis", "Christy", "Bernard", "Joseph", "Edward", "Jimmy"],
            ["Mary", "Bridget", "Kathleen", "Margaret", "Ellen", "Nora", "Winnie", "Josie", "Sarah", "Mary Kate", "Annie"],
            ["Connors", "McDonagh", "Ward", "Maughan", "Delaney", "Cash", "Joyce", "Stokes", "Collins", "Sweeney", "McGinley"],
            ["English", "Shelta"],
            ["Roman Catholic"]),
        [Heritage.EastEuropean] = new(
            ["Jakub", "Kacper", "Szymon", "Filip", "Mateusz", "Tomasz", "Piotr", "Marek", "Andrei", "Mihai", "Ionut", "Lukas",
             "Mantas", "Dominik", "Pawel", "Krzysztof", "Adrian", "Bogdan", "Vasile", "Georgi", "Nikola", "Denis"],
            ["Zuzanna", "Julia", "Maja", "Natalia", "Oliwia", "Agnieszka", "Katarzyna", "Monika", "Ioana", "Elena", "Andreea",
             "Maria", "Gabriela", "Ieva", "Kristina", "Aleksandra", "Daria", "Irina", "Ana", "Simona", "Emilia", "Lena"],
            ["Nowakowski", "Kowalski", "Wisniewski", "Wojcik", "Kaminski", "Lewandowski", "Zielinski", "Szymanski",
             "Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Kazlauskas", "Petrauskas", "Jankauskas", "Ivanov", "Petrov",
             "Dimitrov", "Novak", "Horvat", "Kovacs", "Balan", "Rusu", "Nowak", "Mazur", "Krawczyk"],
            ["Polish", "Romanian", "Lithuanian", "Bulgarian", "English"],
            ["Roman Catholic", "Orthodox Christian", "Christian", "No religion"]),
        [Heritage.Roma] = new(
            ["Marian", "Florin", "Ionel", "Gheorghe", "Dorin", "Marius", "Tomas", "Patrik", "Samuel", "Ladislav"],
            ["Florentina", "Mirela", "Denisa", "Claudia", "Lenka", "Simona", "Veronika", "Nikoleta", "Sabina", "Rebeka"],
            ["Lingurar", "Caldarar", "Stoica", "Badea", "Rostas", "Balog", "Horvath", "Lakatos", "Olah", "Dudas", "Gabor"],
            ["Romani", "Romanian", "Slovak", "Czech"],
            ["Christian", "Pentecostal"]),
        [Heritage.SouthernEuropean] = new(
            ["Tiago", "Joao", "Diogo", "Rafael", "Luca", "Marco", "Alessandro", "Matteo", "Pedro", "Rui", "Hugo", "Javier"],
            ["Beatriz", "Ines", "Mariana", "Sofia", "Giulia", "Francesca", "Chiara", "Catarina", "Leonor", "Lucia", "Carla"],
            ["Silva", "Santos", "Ferreira", "Pereira", "Costa", "Oliveira", "Rodrigues", "Rossi", "Russo", "Ferrari",
             "Esposito", "Bianchi", "Romano", "Garcia", "Fernandes", "Martins", "Sousa", "Lopez"],
            ["Portuguese", "Italian", "Spanish", "English"],
            ["Roman Catholic", "Christian", "No religion"]),
        [Heritage.Albanian] = new(
            ["Arben", "Besnik", "Ardit", "Erion", "Kledi", "Dritan", "Luan", "Endrit", "Ergys", "Gentian", "Klajdi", "Elton"],
            ["Elira", "Blerta", "Arta", "Drita", "Ermira", "Jonida", "Anjeza", "Klea", "Era", "Alketa", "Besa"],
            ["Hoxha", "Shehu", "Krasniqi", "Gashi", "Berisha", "Dervishi", "Leka", "Marku", "Kola", "Daci", "Cela", "Bajrami"],
            ["Albanian"],
            ["Muslim", "No religion", "Christian"]),
        [Heritage.Indian] = new(
            ["Arjun", "Rohan", "Aarav", "Vihaan", "Dev", "Krish", "Rahul", "Nikhil", "Sanjay", "Vikram", "Ravi", "Amit",
             "Harpreet", "Gurpreet", "Jaspreet", "Karan", "Ishaan", "Aryan", "Raj", "Kabir", "Veer", "Jai"],
            ["Priya", "Ananya", "Diya", "Kavya", "Anika", "Meera", "Riya", "Simran", "Navneet", "Harleen", "Jasleen", "Pooja",
             "Neha", "Sunita", "Anjali", "Deepa", "Shreya", "Isha", "Nisha", "Aanya", "Saanvi", "Tara"],
            ["Patel", "Shah", "Sharma", "Singh", "Gill", "Sandhu", "Dhillon", "Kumar", "Mistry", "Joshi", "Mehta", "Desai",
             "Gupta", "Chauhan", "Parmar", "Solanki", "Bhatt", "Rao", "Nair", "Kapoor", "Grewal", "Bains"],
            ["Gujarati", "Punjabi", "Hindi", "English", "English"],
            ["Hindu", "Sikh", "Hindu", "No religion"]),
        [Heritage.Pakistani] = new(
            ["Muhammad", "Ali", "Hassan", "Bilal", "Usman", "Hamza", "Zain", "Ibrahim", "Imran", "Tariq", "Adnan", "Faisal",
             "Kashif", "Zubair", "Ayaan", "Yusuf", "Rayyan", "Haris", "Omar", "Arham", "Musa", "Idris"],
            ["Ayesha", "Fatima", "Zara", "Maryam", "Hafsa", "Amina", "Sana", "Nadia", "Rabia", "Saima", "Hira", "Iqra",
             "Khadija", "Zainab", "Anaya", "Inaaya", "Alisha", "Samina", "Shazia", "Aleena", "Eshal", "Noor"],
            ["Khan", "Hussain", "Ahmed", "Ali", "Akhtar", "Iqbal", "Mahmood", "Butt", "Malik", "Rashid", "Qureshi",
             "Chaudhry", "Javed", "Raza", "Sheikh", "Mirza", "Aslam", "Shah", "Anwar", "Nawaz", "Saleem"],
            ["Urdu", "Punjabi", "Mirpuri", "English", "English"],
            ["Muslim"]),
        [Heritage.Bangladeshi] = new(
            ["Rahim", "Abdul", "Mohammed", "Sabbir", "Tanvir", "Shahid", "Jamal", "Rafiq", "Nazmul", "Ashraf", "Ayaan",
             "Ishaq", "Arif", "Habib", "Rayhan", "Zakaria"],
            ["Nusrat", "Taslima", "Rumana", "Shirin", "Farzana", "Ruksana", "Sumaiya", "Tahmina", "Jannat", "Nafisa", "Sadia",
             "Afia", "Mahmuda", "Rokeya", "Maliha", "Tasnim"],
            ["Miah", "Uddin", "Ahmed", "Islam", "Rahman", "Hoque", "Chowdhury", "Ali", "Hossain", "Sarkar", "Talukder",
             "Karim", "Alam", "Begum", "Khatun", "Ullah"],
            ["Bengali", "Sylheti", "English", "English"],
            ["Muslim"]),
        [Heritage.Tamil] = new(
            ["Arun", "Karthik", "Suresh", "Prakash", "Niroshan", "Thivakar", "Senthil", "Kajan", "Mathushan", "Pirashanth",
             "Abinesh", "Sajeev"],
            ["Tharshika", "Kavitha", "Luxmi", "Nirosha", "Sharmila", "Abirami", "Keerthana", "Vithusha", "Mathumitha",
             "Janani", "Sangeetha", "Dharshini"],
            ["Sivakumar", "Rajendran", "Selvarajah", "Thiruchelvam", "Kanagaratnam", "Balasubramaniam", "Nadarajah",
             "Sivananthan", "Ratnam", "Mahendran", "Yogarajah", "Kandiah"],
            ["Tamil", "English"],
            ["Hindu", "Christian", "Roman Catholic"]),
        [Heritage.WestAfrican] = new(
            ["Chidi", "Emeka", "Tobi", "Olumide", "Kwame", "Kofi", "Femi", "Tunde", "Adebayo", "Chukwudi", "Ifeanyi",
             "David", "Samuel", "Joshua", "Ebuka", "Kwabena", "Yaw", "Kelechi", "Daniel", "Emmanuel", "Israel", "Jeremiah"],
            ["Adaeze", "Chioma", "Ngozi", "Funmilayo", "Abena", "Akosua", "Yetunde", "Folake", "Temitope", "Blessing",
             "Precious", "Favour", "Esther", "Grace", "Ifeoma", "Amara", "Adwoa", "Efua", "Oluwaseun", "Titilayo", "Deborah",
             "Comfort"],
            ["Okafor", "Adeyemi", "Okonkwo", "Balogun", "Adebayo", "Mensah", "Boateng", "Owusu", "Asante", "Osei", "Nwosu",
             "Eze", "Olawale", "Bello", "Akinola", "Obi", "Ogunleye", "Appiah", "Danso", "Adeleke", "Oyewole", "Agyeman"],
            ["English", "Yoruba", "Igbo", "Twi", "English"],
            ["Christian", "Pentecostal", "Muslim", "Christian"]),
        [Heritage.Somali] = new(
            ["Abdi", "Abdirahman", "Mahad", "Hamza", "Liban", "Mohamed", "Ahmed", "Idris", "Osman", "Abdullahi", "Bashir", "Hassan",
             "Yusuf", "Khalid", "Ayanle"],
            ["Hodan", "Ayan", "Fadumo", "Sahra", "Hibo", "Ifrah", "Nasra", "Amran", "Hanan", "Sagal", "Asha", "Deeqa", "Idil",
             "Muna", "Ladan"],
            ["Abdi", "Hassan", "Farah", "Mohamed", "Ahmed", "Ali", "Yusuf", "Warsame", "Jama", "Osman", "Abdalla", "Elmi", "Nur",
             "Ismail", "Aden", "Hersi", "Egal", "Omar"],
            ["Somali", "English"],
            ["Muslim"]),
        [Heritage.HornOfAfrica] = new(
            ["Yonas", "Dawit", "Tesfay", "Kidane", "Mehari", "Samuel", "Yohannes", "Filmon", "Bereket", "Amanuel", "Robel", "Henok",
             "Natnael", "Abel"],
            ["Helen", "Selam", "Senait", "Mahlet", "Rahel", "Luwam", "Saba", "Yordanos", "Hiwet", "Feven", "Eden", "Meron", "Ruth",
             "Tsion"],
            ["Tesfaye", "Gebremariam", "Haile", "Kidane", "Tekle", "Berhe", "Mehari", "Gebru", "Habte", "Woldemariam", "Ghebreyesus",
             "Tsegay", "Asfaha", "Negash"],
            ["Tigrinya", "Amharic", "English"],
            ["Orthodox Christian", "Christian", "Muslim"]),
        [Heritage.Caribbean] = new(
            ["Jerome", "Marcus", "Tyrone", "Leon", "Andre", "Dwayne", "Kemar", "Jermaine", "Isaiah", "Malachi", "Elijah",
             "Josiah", "Tyrese", "Nathaniel", "Kieron", "Devon", "Ricardo", "Romario", "Jaden", "Micah", "Zion"],
            ["Shanice", "Tia", "Keisha", "Jada", "Aaliyah", "Imani", "Chantelle", "Monique", "Simone", "Tanisha", "Nia",
             "Kiara", "Tiana", "Destiny", "Nadine", "Marcia", "Paulette", "Janelle", "Shantelle", "Amara", "Naomi"],
            ["Campbell", "Francis", "Brown", "Williams", "Thomas", "Clarke", "Morgan", "Grant", "Samuels", "Reid",
             "Bailey", "Henry", "Baptiste", "Charles", "Joseph", "Lewis", "Richards", "Walters", "Douglas", "McKenzie",
             "Forbes", "Gordon", "Christie", "Bryan", "Dacosta"],
            ["English"],
            ["Christian", "Pentecostal", "No religion", "Seventh-day Adventist"]),
        [Heritage.Chinese] = new(
            ["Wei", "Jun", "Hao", "Ming", "Tao", "Kai", "Jian", "Ethan", "Ryan", "Jason", "Zhi", "Yu", "Long", "Kevin"],
            ["Mei", "Li", "Xin", "Jing", "Yan", "Ying", "Hui", "Lily", "Jessica", "Xiaomei", "Ling", "Fang", "Wing", "Ka Yan"],
            ["Chen", "Wang", "Li", "Zhang", "Liu", "Wong", "Chan", "Lam", "Cheung", "Ho", "Ng", "Lee", "Yang", "Zhou", "Huang"],
            ["Cantonese", "Mandarin", "English"],
            ["No religion", "Buddhist", "Christian"]),
        [Heritage.MiddleEastern] = new(
            ["Omar", "Ahmed", "Karim", "Youssef", "Tariq", "Mustafa", "Emre", "Mehmet", "Burak", "Can", "Hasan", "Rebin",
             "Aram", "Reza", "Amir", "Dara", "Shwan", "Saman", "Kawa", "Yusuf"],
            ["Layla", "Noor", "Sara", "Rania", "Yasmin", "Leyla", "Elif", "Zeynep", "Ayse", "Esra", "Hana", "Shirin", "Roya",
             "Nazanin", "Dilan", "Rojin", "Helin", "Avin", "Lana", "Mina"],
            ["Hassan", "Abdullah", "Karimi", "Ahmadi", "Yilmaz", "Kaya", "Demir", "Sahin", "Celik", "Aydin", "Rahimi",
             "Mohammadi", "Hosseini", "Rostami", "Mahmoud", "Saleh", "Haddad", "Aziz", "Ibrahim", "Abbas", "Kurt", "Osmani"],
            ["Arabic", "Turkish", "Kurdish (Sorani)", "Kurdish (Kurmanji)", "Farsi"],
            ["Muslim", "No religion"]),
        [Heritage.Afghan] = new(
            ["Ahmad", "Mohammad", "Abdullah", "Rahmatullah", "Sayed", "Jawad", "Farid", "Hamid", "Nasir", "Wahid",
             "Ezatullah", "Sadiq", "Basir", "Mujtaba", "Shafiq", "Noorullah"],
            ["Farzana", "Mariam", "Zarmina", "Shabnam", "Nargis", "Parisa", "Freshta", "Lina", "Sodaba", "Marwa"],
            ["Ahmadzai", "Sultani", "Noori", "Hakimi", "Rahimi", "Popal", "Amiri", "Stanikzai", "Safi", "Wardak", "Haidari",
             "Rasuli", "Karimi", "Sharifi", "Hashimi", "Nazari"],
            ["Pashto", "Dari"],
            ["Muslim"]),
        [Heritage.Vietnamese] = new(
            ["Minh", "Duc", "Huy", "Tuan", "Long", "Quang", "Thanh", "Hieu", "Khoa", "Nam", "Bao", "Phuc"],
            ["Linh", "Lan", "Mai", "Huong", "Thao", "Trang", "Ngoc", "Anh", "Hoa", "Phuong", "Vy", "Thu"],
            ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do", "Ngo", "Duong"],
            ["Vietnamese"],
            ["Buddhist", "No religion", "Roman Catholic"]),
    };

    public static NamePool For(Heritage heritage) => Pools[heritage];

    /// Familiar short forms, used as "known as" for some children and young people.
    public static readonly Dictionary<string, string[]> Nicknames = new()
    {
        ["Alexander"] = ["Alex", "Xander"], ["William"] = ["Will", "Billy"], ["Thomas"] = ["Tom", "Tommy"],
        ["Joseph"] = ["Joe", "Joey"], ["Samuel"] = ["Sam", "Sammy"], ["Daniel"] = ["Dan", "Danny"],
        ["Benjamin"] = ["Ben", "Benji"], ["James"] = ["Jamie", "Jim"], ["Charlotte"] = ["Lottie", "Charlie"],
        ["Elizabeth"] = ["Lizzie", "Beth", "Ellie"], ["Isabella"] = ["Bella", "Izzy"], ["Olivia"] = ["Liv", "Livvy"],
        ["Eleanor"] = ["Ellie", "Nell"], ["Jessica"] = ["Jess"], ["Frederick"] = ["Freddie"], ["Matthew"] = ["Matt"],
        ["Christopher"] = ["Chris"], ["Muhammad"] = ["Mo"], ["Mohammed"] = ["Mo"], ["Mohamed"] = ["Mo"],
        ["Abdirahman"] = ["Abdi"], ["Oluwaseun"] = ["Seun"], ["Temitope"] = ["Tope", "Temi"], ["Florence"] = ["Flo"],
        ["Gabriela"] = ["Gabi"], ["Aleksandra"] = ["Ola"], ["Katarzyna"] = ["Kasia"], ["Jakub"] = ["Kuba"],
        ["Nathaniel"] = ["Nate"], ["Elijah"] = ["Eli"], ["Joshua"] = ["Josh"], ["Josiah"] = ["Josh"],
        ["Margaret"] = ["Maggie"], ["Harrison"] = ["Harry"], ["Frankie"] = ["Frank"], ["Archie"] = ["Arch"],
        ["Kacper"] = ["Kacpi"], ["Funmilayo"] = ["Funmi"], ["Titilayo"] = ["Titi"], ["Adebayo"] = ["Bayo"],
        ["Olumide"] = ["Mide"], ["Ifeanyi"] = ["Ify"], ["Chukwudi"] = ["Chuks"], ["Abdullah"] = ["Abdul"],
        ["Mustafa"] = ["Musti"], ["Sophia"] = ["Sophie"], ["Phoebe"] = ["Phoebs"], ["Scarlett"] = ["Scarlet"],
        ["Maisie"] = ["Mais"], ["Gabriel"] = ["Gabe"], ["Theo"] = ["Teddy"], ["Zuzanna"] = ["Zuzia"],
    };
}
