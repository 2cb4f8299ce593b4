import * as core from '@actions/core'
import { State } from './constants.js'
import { run } from './main.js'
import { post } from './post.js'

// action.yml runs this bundle twice: as the main step and as the post step. The main
// step leaves a state entry behind, which only the post step can see.
if (core.getState(State.IsPost) === 'true') await post()
else await run()
