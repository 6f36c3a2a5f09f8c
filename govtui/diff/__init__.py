"""What changed between two versions of the content, in words a clerk can read aloud."""
