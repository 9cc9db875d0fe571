package users_test

// Benchmarks for `cogwiz users list`: how long streaming 1,000 and 10,000
// users takes and how much memory it holds, which must stay flat as the
// pool grows. Run them with
//
//	go test -run '^$' -bench List -benchtime 3x ./internal/users/
//
// Two sources, reported separately:
//
//   - BenchmarkListPaged: a fake Cognito endpoint (HTTP, awsJson1.1, through
//     the real SDK client) that makes up users on the fly and serves
//     ListUsers in pages of 60 with PaginationToken, as AWS does. This is
//     the memory-flatness claim. Pacing is off so that the time is cogwiz's
//     own, not the 25 requests/s quota guard (10,000 users are 167 pages:
//     about 6.7 s when paced).
//   - BenchmarkListEmulator: cognito-local. It ignores Limit and
//     PaginationToken and answers with every user in one page, so its
//     memory grows with the pool: that is the emulator's single page, not
//     cogwiz's stream. Its users are seeded by writing the pool file before
//     it starts: through AdminCreateUser each write rewrites the whole file,
//     and 3,000 users took 3.5 minutes (10,000 would take over half an hour).
//
// Metrics: peak-heap-B is the largest HeapInuse seen during the listing,
// over the heap before it; alloc-B/user is what each user cost in total
// allocations; users/s is throughput.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/users"
	"github.com/cogwiz/cogwiz/internal/cognito/users/userstest"
	"github.com/cogwiz/cogwiz/internal/emulator"
)

var benchSizes = []int{1000, 10000}

// heapPeak samples HeapInuse until stop is called and returns the largest value.
func heapPeak() (stop func() uint64) {
	var (
		peak uint64
		wg   sync.WaitGroup
		done = make(chan struct{})
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 { close(done); wg.Wait(); return peak }
}

// benchList streams every user the way `users list --json-lines` does and
// reports time, peak heap and allocations per user.
func benchList(b *testing.B, svc *users.Service, want int) {
	ctx := context.Background()
	enc := json.NewEncoder(io.Discard)
	var peakDelta, allocs uint64
	var before, after runtime.MemStats
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&before)
		stop := heapPeak()
		b.StartTimer()
		n, err := svc.List(ctx, users.ListOptions{Pacer: users.NewPacer(0, 0)}, func(u users.User) error {
			return enc.Encode(u)
		})
		b.StopTimer()
		peak := stop()
		runtime.ReadMemStats(&after)
		if err != nil {
			b.Fatal(err)
		}
		if n != want {
			b.Fatalf("listed %d users, want %d", n, want)
		}
		if peak > before.HeapInuse {
			peakDelta = max(peakDelta, peak-before.HeapInuse)
		}
		allocs += after.TotalAlloc - before.TotalAlloc
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(float64(peakDelta), "peak-heap-B")
	b.ReportMetric(float64(allocs)/float64(b.N)/float64(want), "alloc-B/user")
	b.ReportMetric(float64(want)*float64(b.N)/b.Elapsed().Seconds(), "users/s")
}

func BenchmarkListPaged(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("users=%d", n), func(b *testing.B) {
			benchList(b, users.New(userstest.PagedClient(b, n), "us-east-1_bench"), n)
		})
	}
}

func BenchmarkListEmulator(b *testing.B) {
	// A template pool, made through the API, gives the emulator's own file format.
	s0 := emulator.Start(b)
	api0 := s0.Client(b)
	p := userstest.NewPool(b, api0, userstest.Pool{})
	userstest.Seed(b, api0, p.PoolID, userstest.User{Username: "template", Email: "template@example.com"})
	poolFile := filepath.Join(s0.Dir, ".cognito", "db", p.PoolID+".json")
	raw, err := os.ReadFile(poolFile)
	if err != nil {
		b.Fatal(err)
	}
	clients, err := os.ReadFile(filepath.Join(s0.Dir, ".cognito", "db", "clients.json"))
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("users=%d", n), func(b *testing.B) {
			s := emulator.StartWith(b, func(db string) error {
				data, err := poolWithUsers(raw, n)
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(db, p.PoolID+".json"), data, 0o644); err != nil {
					return err
				}
				return os.WriteFile(filepath.Join(db, "clients.json"), clients, 0o644)
			})
			benchList(b, users.New(s.Client(b), p.PoolID), n)
		})
	}
}

// poolWithUsers returns the pool file raw with its one user copied n times
// under new names, emails and subs.
func poolWithUsers(raw []byte, n int) ([]byte, error) {
	var file map[string]json.RawMessage
	if err := json.Unmarshal(raw, &file); err != nil {
		return nil, err
	}
	var tmpl map[string]map[string]any
	if err := json.Unmarshal(file["Users"], &tmpl); err != nil {
		return nil, err
	}
	t := tmpl["template"]
	all := make(map[string]map[string]any, n)
	for i := range n {
		name := fmt.Sprintf("user-%05d", i)
		u := make(map[string]any, len(t))
		for k, v := range t {
			u[k] = v
		}
		u["Username"] = name
		u["Attributes"] = []map[string]string{
			{"Name": "email", "Value": name + "@example.com"},
			{"Name": "sub", "Value": fmt.Sprintf("00000000-0000-4000-8000-%012d", i)},
		}
		all[name] = u
	}
	users, err := json.Marshal(all)
	if err != nil {
		return nil, err
	}
	file["Users"] = users
	return json.Marshal(file)
}

// The fake must really paginate, or the flatness claim means nothing.
func TestPagedServerPaginates(t *testing.T) {
	t.Parallel()
	rec := &pageCounter{API: userstest.PagedClient(t, 130)}
	var last string
	n, err := users.New(rec, "p").List(context.Background(), users.ListOptions{Pacer: users.NewPacer(0, 0)}, func(u users.User) error {
		last = u.Username
		return nil
	})
	if err != nil || n != 130 || last != "user-00129" || rec.pages != 3 {
		t.Fatalf("listed %d users in %d pages (last %s): %v; want 130 in 3", n, rec.pages, last, err)
	}
}

type pageCounter struct {
	cognito.API
	pages int
}

func (p *pageCounter) ListUsers(ctx context.Context, in *cip.ListUsersInput, optFns ...func(*cip.Options)) (*cip.ListUsersOutput, error) {
	p.pages++
	if aws.ToInt32(in.Limit) != users.PageSize {
		return nil, fmt.Errorf("Limit = %d, want %d", aws.ToInt32(in.Limit), users.PageSize)
	}
	return p.API.ListUsers(ctx, in, optFns...)
}
