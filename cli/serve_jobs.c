/*
 * The computing threads of `rfy serve` (serve_jobs.h): a FIFO of jobs under
 * one lock, and threads that take them.
 */
#include <pthread.h>
#include <stdlib.h>

#include "serve_jobs.h"

typedef struct job {
    struct job *next;
    serve_job_fn run, drop;
    void *arg;
} job;

struct serve_jobs {
    pthread_mutex_t lock;
    pthread_cond_t ready; /* a job was queued, or the pool is stopping */
    job *head, *tail;
    int stopping;
    unsigned n;
    pthread_t thread[];
};

static void *take_jobs(void *arg)
{
    serve_jobs *j = arg;
    pthread_mutex_lock(&j->lock);
    for (;;) {
        job *t;
        while (!j->head && !j->stopping)
            pthread_cond_wait(&j->ready, &j->lock);
        if (!j->head) /* stopping, and nothing left that was taken from the queue */
            break;
        t = j->head;
        if (!(j->head = t->next))
            j->tail = NULL;
        pthread_mutex_unlock(&j->lock);
        t->run(t->arg);
        free(t);
        pthread_mutex_lock(&j->lock);
    }
    pthread_mutex_unlock(&j->lock);
    return NULL;
}

serve_jobs *serve_jobs_start(unsigned threads)
{
    serve_jobs *j = calloc(1, sizeof *j + threads * sizeof(pthread_t));
    if (!j)
        return NULL;
    pthread_mutex_init(&j->lock, NULL);
    pthread_cond_init(&j->ready, NULL);
    for (; j->n < threads; j->n++)
        if (pthread_create(&j->thread[j->n], NULL, take_jobs, j) != 0) {
            serve_jobs_stop(j);
            return NULL;
        }
    return j;
}

int serve_jobs_submit(serve_jobs *j, serve_job_fn run, serve_job_fn drop, void *arg)
{
    job *t = malloc(sizeof *t);
    if (!t)
        return -1;
    t->next = NULL;
    t->run = run;
    t->drop = drop;
    t->arg = arg;
    pthread_mutex_lock(&j->lock);
    if (j->stopping) {
        pthread_mutex_unlock(&j->lock);
        free(t);
        return -1;
    }
    if (j->tail)
        j->tail->next = t;
    else
        j->head = t;
    j->tail = t;
    pthread_cond_signal(&j->ready);
    pthread_mutex_unlock(&j->lock);
    return 0;
}

void serve_jobs_stop(serve_jobs *j)
{
    job *left;
    unsigned i;
    if (!j)
        return;
    pthread_mutex_lock(&j->lock);
    j->stopping = 1;
    left = j->head; /* no thread will take these now */
    j->head = j->tail = NULL;
    pthread_cond_broadcast(&j->ready);
    pthread_mutex_unlock(&j->lock);
    for (i = 0; i < j->n; i++)
        pthread_join(j->thread[i], NULL);
    while (left) {
        job *t = left;
        left = t->next;
        t->drop(t->arg);
        free(t);
    }
    pthread_cond_destroy(&j->ready);
    pthread_mutex_destroy(&j->lock);
    free(j);
}
