//! Synthetic actors: people from several naming cultures (Latin, accented
//! Latin, Cyrillic, Hangul, Chinese characters) and organisations, each with
//! aliases as articles would write them. No name or alias belongs to two
//! actors, ignoring case, as `chronicle check` requires.

use std::collections::HashSet;

use super::cultures::*;
use super::rng::Rng;

pub struct GenActor {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub role: String,
    pub country: &'static str,
    pub organisation: bool,
}

impl GenActor {
    /// How an article names the actor after the first mention.
    pub fn short(&self) -> &str {
        self.aliases.last().unwrap_or(&self.name)
    }
}

/// `count` actors, deterministic for `rng`.
pub fn actors(rng: &mut Rng, count: usize) -> Vec<GenActor> {
    let mut taken = Forms::default();
    let mut ids = HashSet::new();
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let roll = rng.below(100);
        let mut actor = if roll < 6 {
            organisation(rng, &mut taken, out.len())
        } else {
            let culture = match roll {
                6..=30 => &ENGLISH,
                31..=50 => &RUSSIAN,
                51..=70 => &KOREAN,
                71..=85 => &CHINESE,
                _ => &EUROPEAN,
            };
            person(rng, culture, &mut taken, out.len())
        };
        if !ids.insert(actor.id.clone()) {
            actor.id = format!("{}-{}", actor.id, out.len());
            ids.insert(actor.id.clone());
        }
        out.push(actor);
    }
    out
}

/// Every name and alias in use, lower-cased.
#[derive(Default)]
struct Forms(HashSet<String>);

impl Forms {
    fn claim(&mut self, form: &str) -> bool {
        self.0.insert(form.to_lowercase())
    }

    /// Keeps the aliases nobody has yet (and drops repeats of the name).
    fn aliases(&mut self, candidates: Vec<String>) -> Vec<String> {
        candidates.into_iter().filter(|a| self.claim(a)).collect()
    }
}

fn person(rng: &mut Rng, culture: &Culture, taken: &mut Forms, n: usize) -> GenActor {
    let has_native = !culture.family[0].1.is_empty();
    let (mut romanised, mut native, family) = loop {
        let family = *rng.pick(culture.family);
        let (roman, native) = if culture.east_asian {
            let first = *rng.pick(culture.given);
            let second = *rng.pick(culture.given);
            let given = format!("{}-{}", first.0, second.0.to_lowercase());
            (
                format!("{} {given}", family.0),
                format!("{}{}{}", family.1, first.1, second.1),
            )
        } else {
            let given = *rng.pick(culture.given);
            (
                format!("{} {}", given.0, family.0),
                format!("{} {}", given.1, family.1),
            )
        };
        let free = |form: &str| !taken.0.contains(&form.to_lowercase());
        if free(&roman) && (!has_native || free(&native)) {
            break (roman, native, family);
        }
        // Once the name pool runs low, a number keeps names unique.
        if rng.chance(20) {
            break (format!("{roman} {n}"), format!("{native} {n}"), family);
        }
    };
    if !has_native {
        native.clear();
    }
    let id = slug(&romanised);
    let (role, title) = *rng.pick(&ROLES);
    let country = *rng.pick(culture.countries);
    // Accented Latin names are written natively, with the plain form as an
    // alias; the other scripts are romanised, with the native form as an alias.
    let european = std::ptr::eq(culture, &EUROPEAN);
    if european {
        std::mem::swap(&mut romanised, &mut native);
    }
    let (name, other) = (romanised, native);
    taken.claim(&name);
    let family_shown = if european { family.1 } else { family.0 };
    let initial: String = name.chars().take(1).collect();
    let mut candidates = vec![other];
    if !culture.east_asian {
        candidates.push(format!("{initial}. {family_shown}"));
    }
    candidates.push(format!("{title} {family_shown}"));
    candidates.retain(|c| !c.is_empty() && *c != name);
    GenActor {
        id,
        aliases: taken.aliases(candidates),
        name,
        role: role.to_owned(),
        country,
        organisation: false,
    }
}

fn organisation(rng: &mut Rng, taken: &mut Forms, n: usize) -> GenActor {
    let culture = *rng.pick(&[&RUSSIAN, &KOREAN, &CHINESE, &EUROPEAN, &ENGLISH]);
    let country = *rng.pick(culture.countries);
    let (agency, short) = *rng.pick(&AGENCIES);
    let mut name = format!("{country} {agency}");
    if !taken.claim(&name) {
        name = format!("{name} (branch {n})");
        taken.claim(&name);
    }
    let candidates = vec![
        format!("the {country} {short}"),
        format!("{country}'s {short}"),
    ];
    GenActor {
        id: slug(&name),
        aliases: taken.aliases(candidates),
        name,
        role: agency.to_owned(),
        country,
        organisation: true,
    }
}

/// A readable ASCII id from a romanised name: "Kim Min-jun" → "kim-min-jun".
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "actor".to_owned()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases_are_unique_ignoring_case() {
        let list = actors(&mut Rng::new(3), 3000);
        let mut seen = HashSet::new();
        for a in &list {
            for form in std::iter::once(&a.name).chain(&a.aliases) {
                assert!(seen.insert(form.to_lowercase()), "{form} twice");
            }
        }
        let ids: HashSet<&str> = list.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), list.len());
    }

    #[test]
    fn several_scripts_appear() {
        let list = actors(&mut Rng::new(5), 400);
        let forms: String = list
            .iter()
            .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
            .map(String::as_str)
            .collect();
        for probe in [
            '\u{0400}'..='\u{04ff}',
            '\u{ac00}'..='\u{d7a3}',
            '\u{4e00}'..='\u{9fff}',
        ] {
            assert!(forms.chars().any(|c| probe.contains(&c)), "{probe:?}");
        }
        assert!(forms.chars().any(|c| "éüøłíñ".contains(c)));
    }
}
