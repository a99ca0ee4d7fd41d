//! Which nodes may be offered as wrong options: nodes of the answers' kinds
//! that are not right by any reading (neither a correct answer, nor one of
//! its `is_a` ancestors or descendants, nor a node of the same name), near
//! misses first (answers of the same question asked of a sibling subject).

use std::collections::{HashMap, HashSet};

use super::wording::Direction;
use crate::graph::{Graph, Node};

/// The relation whose edges say that one node is a kind of another.
pub const IS_A: &str = "is_a";

/// Each node's neighbours by one relation, read forwards (at 0) and
/// backwards (at 1): the neighbour and the edge's position in file order.
type Lists = [Vec<Vec<(usize, usize)>>; 2];

/// The edges of a graph by position, indexed for generating cards.
pub struct Facts<'g> {
    /// The nodes in file order.
    pub nodes: Vec<&'g Node>,
    /// For each relation, each node's neighbours read forwards (`Out`, at
    /// 0) and backwards (`In`, at 1), with the edge's position in file order.
    adj: HashMap<&'g str, Lists>,
    /// Each edge's note, by position.
    pub notes: Vec<&'g str>,
    family: Vec<HashSet<usize>>,
}

impl<'g> Facts<'g> {
    /// Indexes a graph.
    pub fn new(graph: &'g Graph) -> Facts<'g> {
        let nodes: Vec<&Node> = graph.nodes().collect();
        let pos: HashMap<&str, usize> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let mut adj: HashMap<&str, Lists> = HashMap::new();
        let mut notes = Vec::new();
        for (e, (from, data, to)) in graph.edge_triples().enumerate() {
            notes.push(data.note.as_str());
            let (a, b) = (pos[from.id.as_str()], pos[to.id.as_str()]);
            let symmetric = graph.is_symmetric(&data.rel);
            for (dir, x, y) in [(Direction::Out, a, b), (Direction::In, b, a)] {
                let (dir, x, y) = match (symmetric, dir) {
                    (true, Direction::In) => (Direction::Out, x, y),
                    _ => (dir, x, y),
                };
                let lists = adj.entry(data.rel.as_str()).or_insert_with(|| {
                    [vec![Vec::new(); nodes.len()], vec![Vec::new(); nodes.len()]]
                });
                let list = &mut lists[dir as usize];
                if !list[x].iter().any(|&(n, _)| n == y) {
                    list[x].push((y, e));
                }
            }
        }
        let mut same_name: HashMap<(&str, String), Vec<usize>> = HashMap::new();
        for (i, n) in nodes.iter().enumerate() {
            same_name
                .entry((n.kind.as_str(), n.label.trim().to_lowercase()))
                .or_default()
                .push(i);
        }
        let mut facts = Facts {
            nodes,
            adj,
            notes,
            family: Vec::new(),
        };
        facts.family = (0..facts.nodes.len())
            .map(|i| facts.family_of(i, &same_name))
            .collect();
        facts
    }

    /// A node's neighbours by a relation read one way, with the edges.
    pub fn answers(&self, rel: &str, dir: Direction, node: usize) -> &[(usize, usize)] {
        self.adj
            .get(rel)
            .map_or(&[][..], |lists| lists[dir as usize][node].as_slice())
    }

    /// A node with its `is_a` ancestors and descendants and the nodes of its
    /// kind that bear its name: every node a learner may fairly read as it.
    pub fn relatives(&self, node: usize) -> &HashSet<usize> {
        &self.family[node]
    }

    fn family_of(
        &self,
        node: usize,
        same_name: &HashMap<(&str, String), Vec<usize>>,
    ) -> HashSet<usize> {
        let mut seen = HashSet::from([node]);
        for dir in [Direction::Out, Direction::In] {
            let mut stack = vec![node];
            while let Some(x) = stack.pop() {
                for &(y, _) in self.answers(IS_A, dir, x) {
                    if seen.insert(y) {
                        stack.push(y);
                    }
                }
            }
        }
        let n = self.nodes[node];
        if let Some(same) = same_name.get(&(n.kind.as_str(), n.label.trim().to_lowercase())) {
            seen.extend(same);
        }
        seen
    }

    /// Every node that would be a right answer to the question asked of
    /// `subject`, read generously: the answers of the subject and of its
    /// relatives, with their relatives.
    pub fn right_by_any_reading(
        &self,
        rel: &str,
        dir: Direction,
        subject: usize,
    ) -> HashSet<usize> {
        let mut right = HashSet::new();
        for &s in self.relatives(subject) {
            for &(a, _) in self.answers(rel, dir, s) {
                right.extend(self.relatives(a));
            }
        }
        right
    }

    /// Wrong options for a question, best first: nodes of the given kinds
    /// outside `right`, other than the subject, with distinct names, ranked
    /// by how many subjects of the subject's kind have them as answers, ties
    /// broken by `tiebreak` (a stable hash per card).
    pub fn distractors(
        &self,
        rel: &str,
        dir: Direction,
        subject: usize,
        kinds: &HashSet<&str>,
        right: &HashSet<usize>,
        tiebreak: impl Fn(&str) -> u64,
    ) -> Vec<usize> {
        let mut near: HashMap<usize, usize> = HashMap::new();
        let subject_kind = self.nodes[subject].kind.as_str();
        if let Some(lists) = self.adj.get(rel) {
            for (s, list) in lists[dir as usize].iter().enumerate() {
                if s != subject && self.nodes[s].kind == subject_kind {
                    for &(a, _) in list {
                        *near.entry(a).or_default() += 1;
                    }
                }
            }
        }
        let mut pool: Vec<usize> = (0..self.nodes.len())
            .filter(|&i| i != subject && !right.contains(&i))
            .filter(|&i| kinds.contains(self.nodes[i].kind.as_str()))
            .collect();
        pool.sort_by_cached_key(|&i| {
            (
                std::cmp::Reverse(near.get(&i).copied().unwrap_or(0)),
                tiebreak(&self.nodes[i].id),
            )
        });
        pool
    }
}
