// Command gendocs writes docs/questions.md and docs/amplify-parity.md from
// the embedded question files. Run it with `go generate ./questions`.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/questions"
)

func main() {
	out := flag.String("o", "docs/questions.md", "output file")
	parityOut := flag.String("parity", "", "also write the Amplify parity page to this file")
	flag.Parse()
	g, err := questions.Default()
	if err != nil {
		fail(err)
	}
	p, err := questions.DefaultParity()
	if err != nil {
		fail(err)
	}
	if err := config.WriteFileAtomic(*out, questions.Markdown(g, p), 0o644); err != nil {
		fail(err)
	}
	if *parityOut == "" {
		return
	}
	if err := config.WriteFileAtomic(*parityOut, questions.ParityMarkdown(g, p), 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
