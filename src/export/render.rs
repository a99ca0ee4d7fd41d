//! What the large text exports (DOT, JSON) share: statements rendered in
//! chunks on all cores (rayon) into buffers written in order, a bounded
//! window at a time, so the output is the same as one thread's and memory
//! stays bounded; and each node's id prepared once, so an edge statement
//! copies two of them instead of finding and escaping its ends' ids.

use std::io::{self, Write};

use rayon::prelude::*;

use crate::graph::{Graph, NodeIndex};

/// Items per buffer.
const CHUNK: usize = 4096;
/// About how many bytes of rendered buffers are held before they are written.
const WINDOW_BYTES: usize = 32 << 20;

/// Renders items into `out` in order, in parallel past one chunk; `line`
/// is about how many bytes an item takes. `render` is given each item's
/// position in `items`, so it can tell the first from the rest.
pub fn in_chunks<T: Sync>(
    items: &[T],
    line: usize,
    out: &mut dyn Write,
    render: impl Fn(usize, &T, &mut Vec<u8>) + Sync,
) -> io::Result<()> {
    let one = |start: usize, chunk: &[T], buf: &mut Vec<u8>| {
        buf.clear();
        buf.reserve(chunk.len() * line);
        for (i, item) in chunk.iter().enumerate() {
            render(start + i, item, buf);
        }
    };
    if items.len() <= CHUNK {
        let mut buf = Vec::new();
        one(0, items, &mut buf);
        return out.write_all(&buf);
    }
    let window = (WINDOW_BYTES / line.max(1)).clamp(CHUNK * 2, CHUNK * 64) / CHUNK * CHUNK;
    // The buffers are kept from one window to the next: their memory is
    // already mapped, and a buffer's pages are not faulted in again.
    let mut bufs: Vec<Vec<u8>> = vec![Vec::new(); window.min(items.len()).div_ceil(CHUNK)];
    for (w, part) in items.chunks(window).enumerate() {
        let base = w * window;
        bufs.par_iter_mut()
            .zip(part.par_chunks(CHUNK))
            .enumerate()
            .for_each(|(c, (buf, chunk))| one(base + c * CHUNK, chunk, buf));
        let used = part.len().div_ceil(CHUNK);
        for buf in &bufs[..used] {
            out.write_all(buf)?;
        }
    }
    Ok(())
}

/// The longest id kept in a slot of its own (see [`Ids`]).
const SLOT_MAX: usize = 63;

/// Each kept node's id as a format writes it, found by the node's index.
/// When every id is short, each sits in a slot of the same width (a length
/// byte, then the id), so an edge finds each end's id with one memory
/// access: on a graph larger than the CPU's caches, that access is most of
/// an edge's cost.
pub struct Ids {
    bytes: Vec<u8>,
    /// Bytes per node in slot form; 0 when the ids are one after another.
    slot: usize,
    /// Where each node's id starts when not in slots, by node index; the
    /// next entry is its end.
    starts: Vec<usize>,
}

impl Ids {
    /// The ids of the given nodes, each written by `write(buffer, id,
    /// index)`; the other nodes' are empty.
    pub fn new(
        graph: &Graph,
        nodes: &[NodeIndex],
        write: impl Fn(&mut Vec<u8>, &str, usize),
    ) -> Ids {
        let count = graph.node_count();
        let mut kept = vec![false; count];
        for ix in nodes {
            kept[ix.index()] = true;
        }
        let mut bytes = Vec::with_capacity(nodes.len() * 12);
        let mut starts = Vec::with_capacity(count + 1);
        for (i, &keep) in kept.iter().enumerate() {
            starts.push(bytes.len());
            if keep {
                write(&mut bytes, &graph.node(NodeIndex::new(i)).id, i);
            }
        }
        starts.push(bytes.len());
        let longest = starts.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
        if longest > SLOT_MAX {
            return Ids {
                bytes,
                slot: 0,
                starts,
            };
        }
        let slot = (longest + 1).next_multiple_of(8);
        let mut slots = vec![0u8; count * slot];
        for (i, w) in starts.windows(2).enumerate() {
            let id = &bytes[w[0]..w[1]];
            slots[i * slot] = id.len() as u8;
            slots[i * slot + 1..i * slot + 1 + id.len()].copy_from_slice(id);
        }
        Ids {
            bytes: slots,
            slot,
            starts: Vec::new(),
        }
    }

    /// A node's id as written.
    pub fn get(&self, ix: NodeIndex) -> &[u8] {
        let i = ix.index();
        if self.slot == 0 {
            return &self.bytes[self.starts[i]..self.starts[i + 1]];
        }
        let at = i * self.slot;
        let len = usize::from(self.bytes[at]);
        &self.bytes[at + 1..at + 1 + len]
    }
}

#[cfg(test)]
mod tests {
    use super::{Ids, in_chunks};
    use crate::graph::NodeIndex;
    use crate::graph::load::load_str;

    #[test]
    fn ids_are_found_by_index_in_slots_or_one_after_another() {
        let text = r#"(kinds: {"k": (label: "K")}, nodes: [
            (id: "a", kind: "k", label: "A"), (id: "bb", kind: "k", label: "B"),
            (id: "c", kind: "k", label: "C"), (id: "ddd", kind: "k", label: "D")])"#;
        let g = load_str(text, crate::graph::Source::Embedded)
            .unwrap()
            .graph;
        let kept = [0, 2, 3].map(NodeIndex::new);
        // Padding past a slot's room makes the ids one after another.
        for pad in [0, 70] {
            let shown = |id: &str, i: usize| format!("<{id}#{i}{}>", "-".repeat(pad * (i % 2)));
            let prepared = Ids::new(&g, &kept, |buf, id, i| {
                buf.extend_from_slice(shown(id, i).as_bytes());
            });
            for (i, id) in ["a", "bb", "c", "ddd"].into_iter().enumerate() {
                let want = if i == 1 { String::new() } else { shown(id, i) };
                assert_eq!(prepared.get(NodeIndex::new(i)), want.as_bytes());
            }
        }
    }

    #[test]
    fn many_windows_of_chunks_come_out_in_order_with_their_positions() {
        let items: Vec<u32> = (0..100_000).map(|i| i * 3).collect();
        let mut out = Vec::new();
        // 1 KiB an item: windows of 32,768 items, so four windows.
        in_chunks(&items, 1024, &mut out, |i, &item, buf| {
            assert_eq!(items[i], item);
            buf.extend_from_slice(format!("{i}:{item},").as_bytes());
        })
        .unwrap();
        let expected: String = items
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{i}:{v},"))
            .collect();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
