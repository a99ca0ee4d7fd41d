//! Advice for a wrong name: the declared names closest to it, or a few of
//! those declared.

/// "did you mean ...?" with the closest names, else some of the declared ones.
pub(super) fn suggest_or_declared<'a, S: AsRef<str> + 'a>(
    wrong: &str,
    what: &str,
    names: impl Iterator<Item = &'a S>,
) -> String {
    let mut names: Vec<&str> = names.map(AsRef::as_ref).collect();
    names.sort_unstable();
    let close = closest(wrong, &names, 3);
    if close.is_empty() {
        let shown: Vec<&str> = names.iter().copied().take(20).collect();
        if shown.is_empty() {
            format!("no {what} exist yet")
        } else {
            format!("{what} include: {}", shown.join(", "))
        }
    } else {
        let quoted: Vec<String> = close.iter().map(|c| format!("\"{c}\"")).collect();
        format!("did you mean {}?", quoted.join(" or "))
    }
}

/// The names closest to `wrong` by edit distance, best first.
pub fn closest<'a>(wrong: &str, names: &[&'a str], max: usize) -> Vec<&'a str> {
    let limit = (wrong.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> = names
        .iter()
        .map(|n| (edit_distance(wrong, n), *n))
        .filter(|(d, n)| *d <= limit || n.contains(wrong) || (wrong.len() > 2 && wrong.contains(n)))
        .collect();
    scored.sort();
    scored.dedup();
    scored.into_iter().take(max).map(|(_, n)| n).collect()
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("xgbost", "xgboost"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(
            closest("xgbost", &["xgboost", "kmeans", "xgboost.eta"], 3),
            vec!["xgboost"]
        );
    }
}
