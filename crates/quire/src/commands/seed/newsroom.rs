//! The demo newsroom: a handful of desks, reporters and partner publications, and articles
//! built from them deterministically, so every `quire seed --demo` gives the same content and
//! running it twice changes nothing.

use chrono::{DateTime, Duration, TimeZone, Utc};
use quire_domain::{
    ArticleDocument, ArticleStatus, AuthorReference, RelatedReference, Slug, SourceReference,
};

/// A reporter with a biography.
struct Reporter {
    name: &'static str,
    bio: &'static str,
}

const REPORTERS: [Reporter; 8] = [
    Reporter {
        name: "Amara Okafor",
        bio: "Amara Okafor covers climate and energy from Lagos.",
    },
    Reporter {
        name: "Jonas Lindqvist",
        bio: "Jonas Lindqvist is the economics editor and writes the Friday markets column.",
    },
    Reporter {
        name: "Priya Raman",
        bio: "Priya Raman reports on public health and hospitals.",
    },
    Reporter {
        name: "Mateo Alvarez",
        bio: "Mateo Alvarez follows elections and parliaments across Latin America.",
    },
    Reporter {
        name: "Hana Sato",
        bio: "Hana Sato writes about technology, privacy and the people who build software.",
    },
    Reporter {
        name: "Lucie Moreau",
        bio: "Lucie Moreau is the culture desk's critic at large.",
    },
    Reporter {
        name: "Imran Qadri",
        bio: "Imran Qadri reports on South Asia from Srinagar and Delhi.",
    },
    Reporter {
        name: "Sana Mirza",
        bio: "Sana Mirza covers courts and human rights.",
    },
];

/// Partner publications whose articles the newsroom republishes.
const PARTNERS: [(&str, &str); 3] = [
    ("The Harbour Gazette", "Ireland"),
    ("Daily Meridian", "Kenya"),
    ("The Northern Ledger", "Canada"),
];

/// A desk: its tags, headlines, and the sentences its stories are made of.
struct Desk {
    tags: [&'static str; 2],
    headlines: [&'static str; 4],
    subhead: &'static str,
    sentences: [&'static str; 6],
}

const DESKS: [Desk; 8] = [
    Desk {
        tags: ["Climate", "Energy"],
        headlines: [
            "Coastal towns weigh the cost of higher sea walls",
            "Solar co-operatives spread through farming villages",
            "A dry winter leaves reservoirs at record lows",
            "Why the grid struggles on windless evenings",
        ],
        subhead: "What residents say",
        sentences: [
            "Engineers presented three options to the council on Tuesday evening.",
            "The cheapest plan would protect the harbour but not the beach road.",
            "Farmers who joined the scheme say their bills fell within a year.",
            "Rainfall since October has been less than half the usual amount.",
            "Operators now pay households to run appliances at midday.",
            "Several families said they had not been consulted before the vote.",
        ],
    },
    Desk {
        tags: ["Economy", "Markets"],
        headlines: [
            "Small lenders ease terms as rates hold steady",
            "Port workers win a four-day week after long talks",
            "Food prices cool for the third month running",
            "What a stronger currency means for exporters",
        ],
        subhead: "The numbers behind it",
        sentences: [
            "The central bank kept its main rate unchanged for a fifth meeting.",
            "Union leaders called the agreement a model for other ports.",
            "Bread and cooking oil led the fall, according to the statistics office.",
            "Exporters of machinery said orders had slowed since the summer.",
            "Economists expect the trend to continue into the spring.",
            "Shoppers interviewed at the market said they had noticed the change.",
        ],
    },
    Desk {
        tags: ["Health", "Hospitals"],
        headlines: [
            "Night clinics cut waiting times in the city centre",
            "Nurses train village volunteers to spot early warning signs",
            "A new vaccine campaign reaches island schools",
            "Hospitals share beds across districts during the winter peak",
        ],
        subhead: "How it works",
        sentences: [
            "Patients can now be seen until midnight without an appointment.",
            "Volunteers learn to take blood pressure and record symptoms.",
            "Boats carried the vaccines to eleven schools in two weeks.",
            "A shared booking system shows free beds in every district.",
            "Doctors said the change had eased pressure on emergency wards.",
            "The health ministry plans to extend the scheme next year.",
        ],
    },
    Desk {
        tags: ["Elections", "Politics"],
        headlines: [
            "Turnout climbs as polling stations open on Sundays",
            "Young candidates crowd the ballot in municipal races",
            "Observers praise a quiet count in the capital",
            "Parliament debates lowering the voting age to sixteen",
        ],
        subhead: "What changes next",
        sentences: [
            "Election officials reported the highest turnout in two decades.",
            "More than a third of candidates are under thirty-five.",
            "International observers said the count was orderly and transparent.",
            "The bill has support from members of three parties.",
            "Critics argue that the reform was rushed through committee.",
            "Voters in rural districts waited less than an hour to cast ballots.",
        ],
    },
    Desk {
        tags: ["Technology", "Privacy"],
        headlines: [
            "City council votes to publish the code behind its parking app",
            "A library teaches pensioners to spot phishing messages",
            "Regulators question how delivery apps rank restaurants",
            "Open data helps volunteers map broken streetlights",
        ],
        subhead: "Behind the screen",
        sentences: [
            "The source code will be released under an open licence next month.",
            "Classes are held on Thursday mornings and are always full.",
            "Restaurant owners say they do not know why their ranking dropped.",
            "Volunteers have reported more than two thousand faults so far.",
            "Privacy advocates welcomed the decision but asked for an audit.",
            "The council says the data will be updated every night.",
        ],
    },
    Desk {
        tags: ["Culture", "Books"],
        headlines: [
            "A travelling cinema brings films back to mountain towns",
            "Translators rescue a forgotten novel from the 1930s",
            "Street musicians win the right to play in the old town",
            "The small museum that collects everyday objects",
        ],
        subhead: "In their words",
        sentences: [
            "The projector travels in a van with a generator and folding chairs.",
            "The novel sold fewer than five hundred copies when it first appeared.",
            "Musicians must register but no longer need a paid licence.",
            "Visitors are invited to donate an object and tell its story.",
            "Audiences have grown every season since the project began.",
            "Critics called the new edition one of the year's discoveries.",
        ],
    },
    // The next two desks cover what the syndicated article is about: three of its "Also Read"
    // lines name this desk's stories and the fourth the next desk's, so importing the page
    // links them, and the rest of both desks are what `related` fills its list with.
    Desk {
        tags: ["Kashmir", "Pakistan"],
        headlines: [
            "Kashmir Lockdown & Army ‘CALL’: How Lessons From 2008 Can Help",
            "Why Pakistan Would Be Wise To Stay Out Of Kashmir Issue",
            "Has Pakistan Lost the Kashmir Plot?",
            "Apple growers count the cost of a closed highway",
        ],
        subhead: "Looking back",
        sentences: [
            "Analysts compare this year's restrictions with those of earlier decades.",
            "Families in the valley describe weeks without reliable phone or internet service.",
            "Diplomats traded statements over the weekend without announcing any talks.",
            "Traders say closed roads have cut the harvest's route to market.",
            "Historians note that the dispute has outlasted every promise to settle it.",
            "Officials say the measures will be reviewed at the end of the month.",
        ],
    },
    Desk {
        tags: ["Pakistan", "Human rights"],
        headlines: [
            "While Kashmir Is ‘Under Control’, Trump Isn’t Going To Interfere",
            "Families of the missing gather outside the press club",
            "A commission's caseload grows faster than it can close files",
            "Lawyers draft a bill against enforced disappearances",
        ],
        subhead: "The families' questions",
        sentences: [
            "Relatives carried photographs and the dates their sons were last seen.",
            "The commission says it has traced hundreds of people since it was set up.",
            "Rights groups ask for the number of cases still open to be published each month.",
            "A lawyer for the families said hearings are often adjourned without a reason.",
            "The bill would make holding someone without record a crime.",
            "Officials declined to comment on individual cases.",
        ],
    },
];

/// Every generated article, the last of each desk held back as a draft and one scheduled for
/// the future, so the demo shows what readers and editors each see.
pub fn articles() -> Vec<ArticleDocument> {
    let mut documents = Vec::new();
    for (d, desk) in DESKS.iter().enumerate() {
        for (h, headline) in desk.headlines.iter().enumerate() {
            let n = d * desk.headlines.len() + h;
            documents.push(article(desk, d, h, headline, n));
        }
    }
    documents
}

/// One article of a desk.
fn article(desk: &Desk, d: usize, h: usize, headline: &str, n: usize) -> ArticleDocument {
    let lead = &REPORTERS[d];
    let mut authors = vec![AuthorReference {
        name: lead.name.to_owned(),
        bio: Some(lead.bio.to_owned()),
    }];
    if h == 2 {
        let second = &REPORTERS[(d + 1) % REPORTERS.len()];
        authors.push(AuthorReference {
            name: second.name.to_owned(),
            bio: Some(second.bio.to_owned()),
        });
    }
    let syndicated = n % 3 == 1;
    let source = syndicated.then(|| {
        let (name, country) = PARTNERS[(n / 3) % PARTNERS.len()];
        SourceReference {
            name: name.to_owned(),
            country: Some(country.to_owned()),
        }
    });
    let slug = Slug::from_title(headline).into_string();
    let source_url = syndicated.then(|| {
        let host = Slug::from_title(PARTNERS[(n / 3) % PARTNERS.len()].0).into_string();
        format!("https://{host}.example/{slug}")
    });
    let related = desk.headlines[..h]
        .iter()
        .rev()
        .take(2)
        .map(|earlier| RelatedReference::Slug(Slug::from_title(earlier).into_string()))
        .collect();
    let (status, published_at) = stage(h, n);
    ArticleDocument {
        title: headline.to_owned(),
        slug: Some(slug),
        subtitle: Some(desk.sentences[h].to_owned()),
        excerpt: None,
        body: body(desk, h),
        authors,
        source,
        source_url,
        tags: desk.tags.iter().map(|t| (*t).to_owned()).collect(),
        status: Some(status),
        published_at,
        related,
        canonical_url: None,
        rendered: None,
    }
}

/// Published on fixed days of 2026, except each desk's last story (a draft) and one story
/// scheduled for 2030.
fn stage(h: usize, n: usize) -> (ArticleStatus, Option<DateTime<Utc>>) {
    let first = Utc.with_ymd_and_hms(2026, 1, 5, 7, 30, 0).single();
    let day = first.map(|at| at + Duration::days(i64::try_from(n).unwrap_or(0) * 9));
    match (h, n) {
        (3, _) => (ArticleStatus::Draft, None),
        (_, 10) => (
            ArticleStatus::Published,
            Utc.with_ymd_and_hms(2030, 6, 1, 9, 0, 0).single(),
        ),
        _ => (ArticleStatus::Published, day),
    }
}

/// Paragraphs from the desk's sentences, with a subhead and a quotation.
fn body(desk: &Desk, h: usize) -> String {
    let s = |i: usize| desk.sentences[(h + i) % desk.sentences.len()];
    format!(
        "{} {}\n\n{} {}\n\n## {}\n\n> {}\n\n{}\n",
        s(0),
        s(1),
        s(2),
        s(3),
        desk.subhead,
        s(4),
        s(5),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_related_slug_names_an_article_of_the_demo() {
        let all = articles();
        let slugs: Vec<_> = all.iter().filter_map(|a| a.slug.clone()).collect();
        assert_eq!(slugs.len(), 32);
        for article in &all {
            for related in &article.related {
                let RelatedReference::Slug(slug) = related else {
                    panic!("demo links by slug");
                };
                assert!(slugs.contains(slug), "{slug}");
            }
        }
    }

    #[test]
    fn readers_and_editors_see_different_things() {
        let all = articles();
        let drafts = all
            .iter()
            .filter(|a| a.status == Some(ArticleStatus::Draft))
            .count();
        assert_eq!(drafts, 8);
        assert!(all.iter().any(|a| a.source.is_some()));
        assert!(all.iter().any(|a| a.authors.len() == 2));
    }
}
