package initcmd

import "testing"

func TestUnifiedDiff(t *testing.T) {
	a := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nl\n"
	b := "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nl\nk\n"
	want := `--- old
+++ new
@@ -1,7 +1,7 @@
 a
 b
 c
-d
+D
 e
 f
 g
@@ -9,3 +9,4 @@
 i
 j
 l
+k
`
	if got := unifiedDiff("old", "new", a, b); got != want {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want)
	}
	if got := unifiedDiff("old", "new", a, a); got != "" {
		t.Errorf("equal texts gave a diff: %q", got)
	}
}
