//! The tables a compact value interns: unit names, replica ids, and authors (a replica with
//! the unit chosen there, if any), most used first; looked up by index when read.

use crate::model::order;
use crate::model::{
    LogEntry, Measure, Progress, ReplicaId, Stamp, TaskProgress, UnitId, UnitReport,
};
use std::collections::HashMap;

type AuthorKey<'a> = (&'a str, Option<&'a str>);

/// What an encoder interns, with the lookups it needs.
pub(super) struct Tables<'a> {
    /// Unit names: parts, reports and the units of authors.
    pub units: Vec<&'a str>,
    /// Replica ids.
    pub replicas: Vec<&'a str>,
    /// Authors: a replica index and a unit index.
    pub authors: Vec<(usize, Option<usize>)>,
    unit_ix: HashMap<&'a str, usize>,
    author_ix: HashMap<AuthorKey<'a>, usize>,
}

impl<'a> Tables<'a> {
    /// The tables of `progress`: every unit and author it mentions, most used first.
    pub fn of(progress: &'a Progress) -> Tables<'a> {
        let mut unit_uses: HashMap<&'a str, usize> = HashMap::new();
        let mut author_uses: HashMap<AuthorKey<'a>, usize> = HashMap::new();
        for task in progress.tasks.values() {
            walk(
                task,
                &mut |s: &'a Stamp| {
                    let key = (s.replica.0.as_str(), s.by.as_ref().map(UnitId::as_str));
                    *author_uses.entry(key).or_default() += 1;
                },
                &mut |u| *unit_uses.entry(u).or_default() += 1,
            );
        }
        let mut replica_uses: HashMap<&'a str, usize> = HashMap::new();
        for (&(replica, by), &n) in &author_uses {
            *replica_uses.entry(replica).or_default() += n;
            if let Some(unit) = by {
                *unit_uses.entry(unit).or_default() += n;
            }
        }
        let units = ranked(unit_uses);
        let replicas = ranked(replica_uses);
        let unit_ix = positions(&units);
        let replica_ix = positions(&replicas);
        let author_list = ranked(author_uses);
        let authors = author_list
            .iter()
            .map(|(r, u)| (replica_ix[r], u.map(|u| unit_ix[u])))
            .collect();
        Tables {
            units,
            replicas,
            authors,
            unit_ix,
            author_ix: positions(&author_list),
        }
    }

    /// The index of a stamp's author.
    pub fn author(&self, s: &Stamp) -> Result<usize, String> {
        let key = (s.replica.0.as_str(), s.by.as_ref().map(UnitId::as_str));
        self.author_ix
            .get(&key)
            .copied()
            .ok_or_else(|| format!("author {key:?} not interned"))
    }

    /// The index of a unit name.
    pub fn unit(&self, name: &str) -> Result<usize, String> {
        self.unit_ix
            .get(name)
            .copied()
            .ok_or_else(|| format!("unit {name:?} not interned"))
    }
}

/// Keys by uses, most first; ties in key order, so that the same progress always gives the
/// same tables.
fn ranked<K: Ord + Copy>(uses: HashMap<K, usize>) -> Vec<K> {
    let mut v: Vec<(K, usize)> = uses.into_iter().collect();
    order::sort_by(&mut v, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().map(|(k, _)| k).collect()
}

fn positions<K: std::hash::Hash + Eq + Copy>(keys: &[K]) -> HashMap<K, usize> {
    keys.iter().enumerate().map(|(i, k)| (*k, i)).collect()
}

/// Calls `stamp` on every stamp of `task` and `unit` on every unit name it keys by.
/// Destructures every structure whole, so that a new field cannot be missed here.
fn walk<'a>(
    task: &'a TaskProgress,
    stamp: &mut impl FnMut(&'a Stamp),
    unit: &mut impl FnMut(&'a str),
) {
    let TaskProgress {
        status,
        percent,
        deadline,
        parts,
        measures,
        log,
        reports,
    } = task;
    status.iter().for_each(|s| stamp(&s.stamp));
    percent.iter().for_each(|s| stamp(&s.stamp));
    deadline.iter().for_each(|s| stamp(&s.stamp));
    for (name, part) in parts {
        unit(name);
        stamp(&part.stamp);
    }
    for m in measures.values() {
        let Measure {
            created,
            text,
            done,
            removed,
            seed: _,
        } = m;
        for s in [created, &text.stamp, &done.stamp, &removed.stamp] {
            stamp(s);
        }
    }
    for e in log.values() {
        let LogEntry {
            date: _,
            created,
            revisions,
            withdrawn,
        } = e;
        stamp(created);
        revisions.iter().for_each(|r| stamp(&r.stamp));
        stamp(&withdrawn.stamp);
    }
    for (name, report) in reports.values().flatten() {
        unit(name);
        let UnitReport {
            progress,
            problems,
            next,
        } = report;
        for part in [progress, problems, next].into_iter().flatten() {
            stamp(&part.stamp);
        }
    }
}

/// The tables as a decoder reads them.
#[derive(Debug, Default)]
pub(super) struct Ctx {
    units: Vec<String>,
    authors: Vec<(ReplicaId, Option<UnitId>)>,
}

impl Ctx {
    /// Resolves the authors' indices; an index out of range is damage.
    pub fn new(
        units: Vec<String>,
        replicas: &[String],
        authors: &[Vec<usize>],
    ) -> Result<Ctx, String> {
        let resolved = authors
            .iter()
            .map(|a| {
                let replica = match a.first().and_then(|r| replicas.get(*r)) {
                    Some(r) if a.len() <= 2 => ReplicaId(r.clone()),
                    _ => return Err(format!("author {a:?} is not [replica, unit?]")),
                };
                let by = match a.get(1) {
                    None => None,
                    Some(u) => Some(UnitId(
                        units
                            .get(*u)
                            .ok_or(format!("author's unit {u} missing"))?
                            .clone(),
                    )),
                };
                Ok((replica, by))
            })
            .collect::<Result<_, String>>()?;
        Ok(Ctx {
            units,
            authors: resolved,
        })
    }

    /// The stamp `(at, n)` of author `author`.
    pub fn stamp(&self, at: i64, author: usize, n: u32) -> Result<Stamp, String> {
        let (replica, by) = self
            .authors
            .get(author)
            .ok_or_else(|| format!("author {author} missing"))?;
        Ok(Stamp {
            at,
            n,
            by: by.clone(),
            replica: replica.clone(),
        })
    }

    /// Unit name `i`.
    pub fn unit(&self, i: usize) -> Result<&str, String> {
        self.units
            .get(i)
            .map(String::as_str)
            .ok_or_else(|| format!("unit {i} missing"))
    }
}
