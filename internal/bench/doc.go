// Package bench measures, on a pseudo-terminal, how fast cogwiz starts and
// how fast the wizard answers, beside a hello-world Go binary built the same
// way in the same run:
//
//	go test ./internal/bench -run '^$' -bench . -benchtime 15x
//
// It reports medians in milliseconds: hello (launch → exit of the
// hello-world binary), version (`cogwiz --version`, launch → exit),
// first-question (launch → the first question fully drawn) and answer
// (Enter → the next question fully drawn), and the ratios to hello.
// -cogwiz PATH measures another build (an older one) against the same
// hello-world.
package bench
