// The screenshots seed the same cabinet; the code lives with them, since scripts never import test/.
export {
  makePerson,
  seedStudentData,
  signInPage,
  type SeededPerson,
} from '../../scripts/lib/seed-cabinet';
